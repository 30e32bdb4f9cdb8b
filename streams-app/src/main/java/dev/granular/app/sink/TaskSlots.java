package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import dev.granular.app.topology.CommitBarrier;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * One partition's K compute slots, held as a state store so that Kafka Streams enforces at-least-once:
 * before a task's input offsets are committed, Streams flushes its stores, and {@link #flush()} returns only
 * when every accepted compute task has finished its ClickHouse work. Work runs on K worker threads; the
 * stream thread forwards the finished results ({@link #drainFinished()}).
 */
public final class TaskSlots extends CommitBarrier {
  /** A finished task: its result record and the assignment changes it found. */
  public record Finished(TaskResult result, List<dev.granular.avro.AssignmentChange> changes) {}

  private record Accepted(ComputeTask task, CompiledWorkspace workspace, long acceptedAtMs) {}

  private final int slots;
  private final TaskWork work;
  private final SinkMetrics metrics;
  private final LongSupplier clock;
  private final TaskQueue<Accepted> queue;
  private final List<Finished> finished = new ArrayList<>();
  private ExecutorService workers;
  private int partition;
  private int inFlight;
  private int priorityInFlight;
  private boolean accepting;

  public TaskSlots(String name, int slots, TaskWork work, SinkMetrics metrics, LongSupplier clock) {
    super(name);
    this.slots = slots;
    this.work = work;
    this.metrics = metrics;
    this.clock = clock;
    this.queue = new TaskQueue<>(slots, 3);
  }

  /** Queues the task; blocks while {@code 2K} tasks are already accepted and unfinished (backpressure). */
  public synchronized void accept(ComputeTask task, CompiledWorkspace workspace) throws InterruptedException {
    while (queue.waiting() + inFlight >= 2 * slots) {
      wait();
    }
    queue.offer(new Accepted(task, workspace, clock.getAsLong()), task.getPriority());
    pump();
  }

  /** Records a failed attempt without running it, e.g. when the workspace cannot be compiled. */
  public synchronized void fail(ComputeTask task, String reason) {
    metrics.attempted(task.getPriority(), false);
    long now = clock.getAsLong();
    finished.add(new Finished(TaskResult.newBuilder().setPlanId(task.getPlanId()).setWorkspaceId(task.getWorkspaceId())
        .setPart(task.getPart()).setStage(task.getStage()).setAttempt(task.getAttempt()).setSuccess(false).setReason(reason)
        .setEstimatedWork(task.getEstimatedWork()).setReadStartMs(now).setFinishedAtMs(now).build(), List.of()));
  }

  /** Results finished since the last call. */
  public synchronized List<Finished> drainFinished() {
    List<Finished> out = List.copyOf(finished);
    finished.clear();
    return out;
  }

  /** Accepted tasks of this priority waiting for a slot (a gauge). */
  synchronized int waiting(boolean priority) {
    return queue.waiting(priority);
  }

  /** Tasks of this priority running in a slot now (a gauge). */
  synchronized int running(boolean priority) {
    return priority ? priorityInFlight : inFlight - priorityInFlight;
  }

  public synchronized int unfinished() {
    return queue.waiting() + inFlight;
  }

  private void pump() {
    while (inFlight < slots) {
      Accepted next = queue.next(priorityInFlight);
      if (next == null) {
        return;
      }
      inFlight++;
      if (next.task().getPriority()) {
        priorityInFlight++;
      }
      workers.execute(() -> run(next));
    }
  }

  private void run(Accepted accepted) {
    ComputeTask task = accepted.task();
    int concurrent = metrics.started(partition);
    long start = clock.getAsLong();
    TaskResult.Builder result = TaskResult.newBuilder().setPlanId(task.getPlanId()).setWorkspaceId(task.getWorkspaceId())
        .setPart(task.getPart()).setStage(task.getStage()).setAttempt(task.getAttempt())
        .setEstimatedWork(task.getEstimatedWork()).setInFlightAtStart(concurrent)
        .setQueueWaitMs(Math.max(0, start - task.getPlannedAtMs())).setReadStartMs(start);
    List<dev.granular.avro.AssignmentChange> changes = List.of();
    boolean success = false;
    try {
      TaskWork.Outcome outcome = work.run(task, accepted.workspace());
      changes = outcome.changes();
      result.setSuccess(true).setRowsTouched(outcome.rowsTouched()).setChanges(changes.size())
          .setReadStartMs(outcome.readStartMs()).setWriteStartMs(outcome.writeStartMs());
      success = true;
    } catch (RuntimeException | Error e) {
      result.setSuccess(false).setReason(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      metrics.finished(partition, task.getPriority(), success);
    }
    result.setFinishedAtMs(clock.getAsLong());
    synchronized (this) {
      inFlight--;
      if (task.getPriority()) {
        priorityInFlight--;
      }
      finished.add(new Finished(result.build(), changes));
      if (accepting) {
        pump();
      }
      notifyAll();
    }
  }

  /** Waits until every accepted task has finished: offsets are committed only after this returns. */
  @Override
  public synchronized void flush() {
    try {
      while (queue.waiting() + inFlight > 0) {
        wait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for compute tasks to finish", e);
    }
  }

  @Override
  protected synchronized void opened(StateStoreContext context) {
    partition = context.taskId().partition();
    workers = Executors.newFixedThreadPool(slots, r -> {
      Thread t = new Thread(r, "granular-sink-" + context.taskId() + "-worker");
      t.setDaemon(true);
      return t;
    });
    accepting = true;
    metrics.opened(this, slots);
  }

  @Override
  protected synchronized void closed() {
    // Unfinished tasks were never committed; whoever owns the partition next reads them again.
    accepting = false;
    metrics.closed(this);
    if (workers != null) {
      workers.shutdownNow();
    }
    finished.clear();
    notifyAll();
  }
}
