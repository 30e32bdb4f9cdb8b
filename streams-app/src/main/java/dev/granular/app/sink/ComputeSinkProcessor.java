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
 * Consumes both task topics and runs each task on the partition's {@link TaskSlots}. The workspace's compiled
 * definitions come from the task's {@link CompiledWorkspaces}, where the planner compiled the same version when
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
  private TaskSlots slots;
  private KeyValueStore<String, WorkspaceDefinitions> definitions;

  private final DeadLetterMetrics deadLetters;

  public ComputeSinkProcessor(String slotsStore, String unreportedStore, String definitionsStore, String compiledStore,
      DeadLetterMetrics deadLetters) {
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
    WorkspaceDefinitions stored = definitions.get(task.getWorkspaceId());
    try {
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

  private void forwardFinished() {
    slots.forwardFinished(done -> {
      long now = context().currentSystemTimeMs();
      for (var change : done.changes()) {
        context().forward(new Record<>(change.getWorkspaceId() + "/" + change.getUserId(), (SinkOutput) new SinkOutput.Change(change), now));
      }
      context().forward(new Record<>(done.result().getWorkspaceId(), (SinkOutput) new SinkOutput.Result(done.result()), now));
      unreported.reported(done.result()); // in the same transaction as the records just forwarded
    });
  }
}
