package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspaces;
import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.dlq.DeadLetterMetrics;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.avro.codec.AvroCodec;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Consumes both task topics and runs each task on the partition's {@link TaskSlots}. A task runs on the
 * workspace's definitions as stored when it runs: the planner's store on the workspace's own partition, the
 * global copy on any other (parts of a split plan are spread), never an older version than the task's. The
 * compiled form comes from the partition's {@link CompiledWorkspaces}, where the planner compiled the same version when
 * it stored it (only after a restart does the first reader compile it); workers only run SQL.
 * Results and assignment changes are forwarded from the stream thread as tasks finish; each accepted task stays
 * in the {@link UnreportedTasks} outbox until then, and a new owner of the partition runs what it finds there.
 */
public final class ComputeSinkProcessor extends ContextualProcessor<String, byte[], String, SinkOutput> {
  private final AvroCodec<ComputeTask> codec = AvroCodec.of(ComputeTask.class);
  private final String compiledStore;
  private CompiledWorkspaces compiled;
  private final String slotsStore;
  private final String unreportedStore;
  private UnreportedTasks unreported;
  private final String definitionsStore;
  private final String sharedDefinitionsStore;
  private TaskSlots slots;
  private KeyValueStore<String, WorkspaceDefinitions> definitions;
  private KeyValueStore<String, WorkspaceDefinitions> shared;

  private final DeadLetterMetrics deadLetters;

  /**
   * @param definitionsStore the planner's store: a workspace's definitions, on the workspace's own partition
   * @param sharedDefinitionsStore the global copy, for parts of a split plan sent to other partitions
   */
  public ComputeSinkProcessor(String slotsStore, String unreportedStore, String definitionsStore, String sharedDefinitionsStore,
      String compiledStore, DeadLetterMetrics deadLetters) {
    this.sharedDefinitionsStore = sharedDefinitionsStore;
    this.unreportedStore = unreportedStore;
    this.compiledStore = compiledStore;
    this.deadLetters = deadLetters;
    this.slotsStore = slotsStore;
    this.definitionsStore = definitionsStore;
  }

  @Override
  public void init(ProcessorContext<String, SinkOutput> context) {
    super.init(context);
    slots = context.getStateStore(slotsStore);
    definitions = context.getStateStore(definitionsStore);
    shared = context.getStateStore(sharedDefinitionsStore);
    compiled = context.getStateStore(compiledStore); // the planner's compile of the same version, shared
    unreported = new UnreportedTasks(context.getStateStore(unreportedStore));
    for (ComputeTask task : unreported.pending()) {
      run(task, true); // accepted by a previous owner, whose result never committed
    }
    context.schedule(Duration.ofMillis(100), PunctuationType.WALL_CLOCK_TIME, now -> forwardFinished());
  }

  @Override
  public void process(Record<String, byte[]> record) {
    ComputeTask task;
    try {
      task = codec.decode(record.value());
    } catch (RuntimeException e) {
      deadLetters.sent(DeadLetterMetrics.Source.TASKS, DeadLetterMetrics.UNDECODABLE_TASK);
      DeadLetterHeaders.stamp(record.headers(), DeadLetterMetrics.UNDECODABLE_TASK, e.getMessage(), context().recordMetadata());
      context().forward(record.withValue((SinkOutput) new SinkOutput.Poison(record.value() == null ? new byte[0] : record.value())));
      return;
    }
    unreported.accepted(task);
    run(task, false);
    forwardFinished();
  }

  private void run(ComputeTask task, boolean rerun) {
    WorkspaceDefinitions stored = definitions(task.getWorkspaceId());
    try {
      long have = stored == null ? 0 : stored.getVersion();
      if (have < task.getDefinitionsVersion()) {
        // Only the global copy can lag (its own thread reads it); running without the definitions would skip the
        // part's users for good. The planner retries with backoff.
        slots.fail(task, "definitions version " + task.getDefinitionsVersion() + " not yet on this partition (it has "
            + (stored == null ? "none" : "version " + have) + ")");
        return;
      }
      CompiledWorkspace workspace;
      try {
        workspace = stored == null ? null : compiled.get(stored);
      } catch (RuntimeException e) {
        slots.fail(task, "definitions do not compile: " + e.getMessage()); // the planner retries, then parks
        return;
      }
      if (rerun) {
        slots.acceptRerun(task, workspace);
      } else {
        slots.accept(task, workspace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a compute slot", e);
    }
  }

  /** The workspace's partition holds the planner's own store; any other partition reads the global copy. */
  private WorkspaceDefinitions definitions(String workspace) {
    WorkspaceDefinitions own = definitions.get(workspace);
    return own != null ? own : shared.get(workspace);
  }

  private void forwardFinished() {
    slots.forwardFinished(done -> {
      long now = context().currentSystemTimeMs();
      try (ChangeRecords changes = done.changes()) {
        for (var change : changes) {
          context().forward(new Record<>(change.getWorkspaceId() + "/" + change.getUserId(), (SinkOutput) new SinkOutput.Change(change), now));
        }
      }
      context().forward(new Record<>(done.result().getWorkspaceId(), (SinkOutput) new SinkOutput.Result(done.result()), now));
      unreported.reported(done.result()); // in the same transaction as the records just forwarded
    });
  }
}
