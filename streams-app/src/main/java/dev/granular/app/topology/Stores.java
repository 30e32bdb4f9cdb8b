package dev.granular.app.topology;

import dev.granular.app.definitions.CompiledWorkspaces;
import dev.granular.app.ingest.EventBuffer;
import dev.granular.app.ingest.ReplayFence;
import dev.granular.app.ingest.WorkspaceClock;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.sink.SinkMetrics;
import dev.granular.app.sink.TaskSlots;
import dev.granular.app.sink.TaskWork;
import dev.granular.avro.PlannerState;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.sink.events.EventSink;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** The one registry of Granular's state stores: names and builders. */
public final class Stores {
  /** Per task: the events waiting for their ClickHouse insert. Not logged: the input topic is its log. */
  public static final String INGEST_BUFFER = "ingest-buffer";
  /** Per workspace: the processing-time floor and durable-event total. Changelogged. */
  public static final String INGEST_CLOCK = "ingest-clock";
  /** Per workspace: cursor, watermark, counts, in-flight plan, last plans. Changelogged. */
  public static final String PLANNER_STATE = "planner-state";
  /** Per input partition (of user-events): its watermark as this planner task last heard it. */
  public static final String INPUT_WATERMARKS = "input-watermarks";
  /** Per workspace: its valid definitions and compile baseline; written by the planner, read by the sink. */
  public static final String WORKSPACE_DEFINITIONS = "workspace-definitions";
  /**
   * Global: per workspace, the definitions the planner stored (source: the workspace-definitions topic, no
   * changelog), so the compute sink of any partition can run a part of any workspace's split plan.
   */
  public static final String SHARED_DEFINITIONS = "shared-definitions";
  /** Global: per input topic, the replay fence of the last backfill (source: the backfills topic, no changelog). */
  public static final String BACKFILL_FENCES = "backfill-fences";
  /** Per task: each workspace compiled once per change, shared by the planner and the compute sink. Not logged. */
  public static final String COMPILED_WORKSPACES = "compiled-workspaces";
  /** Per task: the compute tasks accepted and not yet reported, the sink's outbox. Changelogged. */
  public static final String SINK_UNREPORTED = "compute-unreported";
  /** Per task: the K compute slots, flushed (drained) before every commit. Not logged. */
  public static final String SINK_SLOTS = "compute-slots";

  private Stores() {}

  public static StoreBuilder<EventBuffer> ingestBuffer(Supplier<EventSink> sinks) {
    return new UnloggedStoreBuilder<>(INGEST_BUFFER, () -> new EventBuffer(INGEST_BUFFER, sinks.get()));
  }

  public static StoreBuilder<KeyValueStore<String, WorkspaceClock>> ingestClock() {
    return keyValue(INGEST_CLOCK, WorkspaceClock.serde());
  }

  public static StoreBuilder<KeyValueStore<String, PlannerState>> plannerState() {
    return keyValue(PLANNER_STATE, new AvroSerde<>(PlannerState.class));
  }

  public static StoreBuilder<KeyValueStore<String, Long>> inputWatermarks() {
    return keyValue(INPUT_WATERMARKS, org.apache.kafka.common.serialization.Serdes.Long());
  }

  public static StoreBuilder<KeyValueStore<String, WorkspaceDefinitions>> workspaceDefinitions() {
    // One record holds all of a workspace's definitions, each up to DefinitionParser.MAX_BYTES: a few large ones
    // would pass the broker's default 1 MB and stop the planner's thread on every retry.
    // On disk (RocksDB, BoundedRocksDb): a full copy of every workspace's definitions, 60 MB at 1,000 workspaces of
    // 20 to 200 properties, filled a 256 MB heap beside their compiles (make bench-full, P6).
    return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
            org.apache.kafka.streams.state.Stores.persistentKeyValueStore(WORKSPACE_DEFINITIONS), Serdes.String(),
            new AvroSerde<>(WorkspaceDefinitions.class))
        .withCachingDisabled().withLoggingEnabled(
        java.util.Map.of(org.apache.kafka.common.config.TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_INPUT_RECORD_BYTES)));
  }

  /**
   * On disk (RocksDB), though small, for a second reason: Kafka Streams keeps an instance's process id in its
   * state directory only when some store is persistent. With the same id after a restart, the instance's
   * transactional producers fence and abort what its killed predecessor left open at once; with a new id,
   * read_committed readers of those partitions wait for the broker to time the transaction out.
   */
  public static StoreBuilder<KeyValueStore<String, dev.granular.avro.ComputeTask>> sinkUnreported() {
    return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
            org.apache.kafka.streams.state.Stores.persistentKeyValueStore(SINK_UNREPORTED), Serdes.String(),
            new AvroSerde<>(dev.granular.avro.ComputeTask.class))
        .withCachingDisabled();
  }

  public static StoreBuilder<KeyValueStore<String, WorkspaceDefinitions>> sharedDefinitions() {
    return keyValue(SHARED_DEFINITIONS, new AvroSerde<>(WorkspaceDefinitions.class)).withLoggingDisabled(); // its topic is its log
  }

  public static StoreBuilder<KeyValueStore<String, ReplayFence>> backfillFences() {
    return keyValue(BACKFILL_FENCES, ReplayFence.serde()).withLoggingDisabled(); // a global store's topic is its log
  }

  /** The changelog topic Kafka Streams names for {@code store} of application {@code applicationId} (StreamsRole). */
  public static String changelogTopic(String applicationId, String store) {
    return applicationId + "-" + store + "-changelog";
  }

  public static StoreBuilder<CompiledWorkspaces> compiledWorkspaces(java.util.function.LongConsumer compiled) {
    return new UnloggedStoreBuilder<>(COMPILED_WORKSPACES, () -> new CompiledWorkspaces(COMPILED_WORKSPACES, 256, compiled));
  }

  public static StoreBuilder<TaskSlots> sinkSlots(int slots, int maxBatch, Supplier<TaskWork> work, SinkMetrics metrics,
      LongSupplier clock) {
    return new UnloggedStoreBuilder<>(SINK_SLOTS, () -> new TaskSlots(SINK_SLOTS, slots, maxBatch, work.get(), metrics, clock));
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, org.apache.kafka.common.serialization.Serde<V> values) {
    return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
            org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
        .withCachingDisabled();
  }
}
