package dev.granular.app.sink;

import dev.granular.app.config.AppConfig.RetrySettings;
import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.ChangeKind;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.PropertyType;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compute.ComputeEngine;
import dev.granular.sink.compute.ComputeResult;
import dev.granular.sink.compute.ComputeScope;
import dev.granular.sink.compute.ProcessingWindow;
import dev.granular.sink.compute.Spool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a compute task on the clickhouse-sink {@link ComputeEngine}: its user bucket and properties over its
 * window, resolved at its `now`. Retries here only ride out a blip; real retries are the planner's, with backoff.
 */
public final class EngineTaskWork implements TaskWork {
  private final ComputeEngine engine;

  /** With the default statement retries ({@code granular.clickhouse.retry} in config/application.conf). */
  public EngineTaskWork(ClickHouse clickHouse) {
    this(clickHouse, RetrySettings.STATEMENT_DEFAULTS.policy());
  }

  /** @param statementRetry how each statement is retried within a task; its listener is the sink's retry counter */
  public EngineTaskWork(ClickHouse clickHouse, RetryPolicy statementRetry) {
    this.engine = new ComputeEngine(clickHouse, statementRetry);
  }

  @Override
  public Outcome run(ComputeTask task, CompiledWorkspace workspace) {
    long start = System.currentTimeMillis();
    Optional<ComputeScope> scope = scope(task, workspace);
    if (scope.isEmpty()) {
      return new Outcome(0, start, start, ChangeRecords.none()); // nothing to compute
    }
    Spool<dev.granular.sink.compute.AssignmentChange> changes = new Spool<>(dev.granular.sink.compute.AssignmentChange.CODEC,
        Spool.IN_MEMORY);
    ComputeResult result;
    try {
      result = engine.compute(workspace.index(), window(task), scope.get(), now(task), expectedEvents(task, workspace),
          changes::add);
    } catch (RuntimeException | Error e) {
      changes.close();
      throw e;
    }
    // State inserts stream as they read (INSERT of rows computed per chunk), so reads and writes start together.
    return new Outcome(rows(result), start, start, spooled(changes, task.getPlanId()));
  }

  @Override
  public boolean batchable(ComputeTask task, CompiledWorkspace workspace) {
    Optional<ComputeScope> scope = scope(task, workspace);
    return scope.isPresent() && ComputeEngine.batchable(workspace.index(), scope.get(), expectedEvents(task, workspace));
  }

  @Override
  public List<Outcome> runBatch(List<Job> jobs) {
    long start = System.currentTimeMillis();
    List<Spool<dev.granular.sink.compute.AssignmentChange>> spools = new ArrayList<>();
    List<ComputeEngine.Task> tasks = new ArrayList<>();
    try {
      // The batch keeps as many changes in memory as one task alone, shared out; the rest spill to files. (Each task
      // keeping its own 20,000 ran the 256 MB heap out in make bench-full, P1: 177K changes live in one batch.)
      int inMemory = Math.max(1, Spool.IN_MEMORY / jobs.size());
      for (Job job : jobs) {
        Spool<dev.granular.sink.compute.AssignmentChange> changes = new Spool<>(dev.granular.sink.compute.AssignmentChange.CODEC,
            inMemory);
        spools.add(changes);
        ComputeTask task = job.task();
        tasks.add(new ComputeEngine.Task(job.workspace().index(), window(task), scope(task, job.workspace()).orElseThrow(),
            now(task), expectedEvents(task, job.workspace()), changes::add));
      }
      List<ComputeResult> results = engine.compute(tasks);
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        outcomes.add(new Outcome(rows(results.get(i)), start, start, spooled(spools.get(i), jobs.get(i).task().getPlanId())));
      }
      return outcomes;
    } catch (RuntimeException | Error e) {
      spools.forEach(Spool::close); // nothing of a failed batch is sent: each task runs again alone
      throw e;
    }
  }

  /** The task's scope now; empty when there is nothing to compute (no definitions, or all its properties deleted). */
  static Optional<ComputeScope> scope(ComputeTask task, CompiledWorkspace workspace) {
    if (workspace == null || workspace.index().roots().isEmpty()) {
      return Optional.empty();
    }
    ComputeScope scope = ComputeScope.all().inBucket(task.getUserBucket(), task.getUserBuckets());
    if (task.getPropertyIds().isEmpty()) {
      return Optional.of(scope);
    }
    // A property deleted since planning simply drops out of the scope.
    Set<String> properties = new HashSet<>(task.getPropertyIds());
    properties.retainAll(workspace.index().roots().keySet());
    return properties.isEmpty() ? Optional.empty() : Optional.of(scope.withProperties(properties));
  }

  private static ProcessingWindow window(ComputeTask task) {
    return new ProcessingWindow(task.getWindowFromMs(), task.getWindowToMs());
  }

  private static long now(ComputeTask task) {
    return Math.max(task.getNowMs(), task.getWindowToMs());
  }

  private static long rows(ComputeResult result) {
    return result.stateRows() + result.backfillRows() + result.assignmentsWritten();
  }

  /** The planner's count of the window's events: its estimate is that count times the properties in scope. */
  static long expectedEvents(ComputeTask task, CompiledWorkspace workspace) {
    int properties = task.getPropertyIds().isEmpty() ? workspace.index().roots().size() : task.getPropertyIds().size();
    return task.getEstimatedWork() / Math.max(1, properties);
  }

  /** The spooled changes as records, converted as the stream thread reads them. */
  static ChangeRecords spooled(Spool<dev.granular.sink.compute.AssignmentChange> changes, String planId) {
    Iterable<AssignmentChange> records = () -> {
      Iterator<dev.granular.sink.compute.AssignmentChange> read = changes.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return read.hasNext();
        }

        @Override
        public AssignmentChange next() {
          return toRecord(read.next(), planId);
        }
      };
    };
    return ChangeRecords.of(records, changes.size(), changes::close);
  }

  static AssignmentChange toRecord(dev.granular.sink.compute.AssignmentChange c, String planId) {
    ChangeKind kind = c.segment() ? (c.entered() ? ChangeKind.ENTERED : ChangeKind.LEFT)
        : (c.after() == null ? ChangeKind.CLEARED : ChangeKind.CHANGED);
    return AssignmentChange.newBuilder().setWorkspaceId(c.workspaceId()).setUserId(c.userId()).setPropertyId(c.propertyId())
        .setPropertyType(c.segment() ? PropertyType.SEGMENT : PropertyType.USER_PROPERTY).setChange(kind)
        .setValueJson(c.segment() ? null : c.after()).setAsOfMs(c.asOfMs()).setPlanId(planId).build();
  }
}
