package dev.granular.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.app.definitions.CompiledWorkspaces;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.ChangeKind;
import dev.granular.avro.PropertyType;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.avro.codec.AvroCodec;
import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sink's outbox: a task stays in {@link UnreportedTasks} from its acceptance until its records are
 * forwarded, and a new owner of the partition runs whatever it finds there, forwarding its changes once.
 */
class ComputeSinkOutboxTest {
  private final List<ComputeTask> ran = new CopyOnWriteArrayList<>();
  /** Holds a task's work until the test opens it, so no worker can finish before the test looks. */
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final TaskWork work = (task, workspace) -> {
    awaitGate();
    ran.add(task);
    AssignmentChange change = AssignmentChange.newBuilder().setWorkspaceId(task.getWorkspaceId()).setUserId("u" + task.getPart())
        .setPropertyId("p").setPropertyType(PropertyType.SEGMENT).setChange(ChangeKind.ENTERED).setAsOfMs(task.getNowMs())
        .setPlanId(task.getPlanId()).build();
    return new TaskWork.Outcome(1, 0, 0, ChangeRecords.of(List.of(change)));
  };
  private final MockProcessorContext<String, SinkOutput> context =
      new MockProcessorContext<>(new Properties(), new TaskId(0, 0), new File("/tmp/granular-outbox-test"));
  private final TaskSlots slots = new TaskSlots("compute-slots", 2, work, GranularMetrics.prometheus().sink(), () -> 0L);
  private final KeyValueStore<String, ComputeTask> unreported = store("compute-unreported", new AvroSerde<>(ComputeTask.class));
  private final KeyValueStore<String, WorkspaceDefinitions> own = store("workspace-definitions", new AvroSerde<>(WorkspaceDefinitions.class));
  private final KeyValueStore<String, WorkspaceDefinitions> shared = store("shared-definitions", new AvroSerde<>(WorkspaceDefinitions.class));

  ComputeSinkOutboxTest() {
    context.setCurrentSystemTimeMs(1_000L);
    slots.init(context.getStateStoreContext(), slots);
    context.addStateStore(slots);
    context.addStateStore(unreported);
    context.addStateStore(own);
    context.addStateStore(shared);
    own.put("w", definitions(1)); // this partition owns w
    CompiledWorkspaces compiled = new CompiledWorkspaces("compiled-workspaces", 4, n -> { });
    compiled.init(context.getStateStoreContext(), compiled);
    context.addStateStore(compiled);
  }

  @AfterEach
  void close() {
    slots.close();
  }

  @Test
  void anAcceptedTaskStaysInTheOutboxUntilItsChangesAreForwarded() {
    ComputeSinkProcessor sink = processor();
    sink.init(context);
    gate = new CountDownLatch(1);
    sink.process(new Record<>("w", AvroCodec.of(ComputeTask.class).encode(task(0)), 0L));
    assertEquals(1, count(), "accepted, not yet reported");
    gate.countDown();
    slots.flush(); // the commit's wait: the ClickHouse work is done, the records are not forwarded yet
    sink.process(new Record<>("w", AvroCodec.of(ComputeTask.class).encode(task(1)), 0L));
    slots.flush();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
    assertEquals(0, count(), "every forwarded task left the outbox");
    assertEquals(4, context.forwarded().size(), "two changes and two results");
  }

  @Test
  void aNewOwnerRunsWhatThePreviousOneNeverReportedAndForwardsItsChangesOnce() {
    unreported.put(UnreportedTasks.key("plan", 7, 1), task(7)); // committed with the input offset, then a crash
    ComputeSinkProcessor sink = processor();
    sink.init(context);
    slots.flush();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
    assertEquals(List.of(7), ran.stream().map(ComputeTask::getPart).toList(), "the unreported task ran again");
    List<String> out = context.forwarded().stream().map(f -> f.record().value().getClass().getSimpleName()).toList();
    assertEquals(List.of("Change", "Result"), out, "its change and its result, once");
    assertEquals(0, count());
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
    assertEquals(2, context.forwarded().size(), "nothing forwarded twice");
  }

  @Test
  void aPartOfAWorkspaceOwnedElsewhereRunsOnTheGlobalCopyOfItsDefinitions() {
    own.delete("w");
    shared.put("w", definitions(1));
    ComputeSinkProcessor sink = processor();
    sink.init(context);
    sink.process(new Record<>("w", AvroCodec.of(ComputeTask.class).encode(task(3)), 0L));
    slots.flush();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
    assertEquals(List.of(3), ran.stream().map(ComputeTask::getPart).toList());
  }

  @Test
  void aPartWhoseDefinitionsVersionIsNotHereYetFailsForARetryInsteadOfRunningWithoutThem() {
    own.delete("w");
    ComputeSinkProcessor sink = processor();
    sink.init(context);
    sink.process(new Record<>("w", AvroCodec.of(ComputeTask.class).encode(task(1)), 0L)); // no copy at all yet
    shared.put("w", definitions(1));
    ComputeTask newer = task(2);
    newer.setDefinitionsVersion(2L); // planned on a version the global copy has not read yet
    sink.process(new Record<>("w", AvroCodec.of(ComputeTask.class).encode(newer), 0L));
    slots.flush();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);
    assertEquals(List.of(), ran, "nothing ran on missing or older definitions");
    List<String> reasons = context.forwarded().stream().map(f -> f.record().value())
        .filter(v -> v instanceof SinkOutput.Result).map(v -> ((SinkOutput.Result) v).result())
        .map(r -> r.getSuccess() + ": " + r.getReason()).toList();
    assertEquals(List.of("false: definitions version 1 not yet on this partition (it has none)",
        "false: definitions version 2 not yet on this partition (it has version 1)"), reasons);
  }

  private static WorkspaceDefinitions definitions(long version) {
    return WorkspaceDefinitions.newBuilder().setWorkspaceId("w").setVersion(version).setDefinitions(java.util.Map.of()).build();
  }

  private ComputeSinkProcessor processor() {
    return new ComputeSinkProcessor("compute-slots", "compute-unreported", "workspace-definitions", "shared-definitions",
        "compiled-workspaces", GranularMetrics.prometheus().deadLetters());
  }

  private void awaitGate() {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int count() {
    int n = 0;
    try (var all = unreported.all()) {
      while (all.hasNext()) {
        all.next();
        n++;
      }
    }
    return n;
  }

  private <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> serde) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  private static ComputeTask task(int part) {
    return new ComputeTask("plan", "w", part, 8, 0, 0L, 1_000L, 1_000L, 0, 1, List.of(), 1L, 1_000L, 0L, 10L, 1, true, -1);
  }
}
