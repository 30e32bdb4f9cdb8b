package dev.granular.app.topology;

import dev.granular.app.config.AppConfig.TopicNames;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.DefinitionUpdate;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.avro.WorkspaceTick;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of Granular's topics: each name with its key and value serdes and its topic configs.
 * Everything the planner and the compute sink read is keyed by workspace id and has the same partition
 * count, because they share the definitions store and so run as one co-partitioned sub-topology.
 */
public final class Topics {
  /** A topic and how to read and write it. */
  public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {}

  /**
   * The largest record the input topics accept. Far above any valid input (INGEST_MAX_PAYLOAD_BYTES, 256 KB;
   * DefinitionParser.MAX_BYTES): a producer's oversized record must still be accepted, so that validation can
   * dead-letter it byte for byte instead of the producer losing it to a RecordTooLargeException.
   */
  public static final int MAX_INPUT_RECORD_BYTES = 16 * 1024 * 1024;
  /** Dead letters are the input plus headers (reason, a capped detail, source): headroom over the input limit. */
  public static final int MAX_DEAD_LETTER_BYTES = MAX_INPUT_RECORD_BYTES + 64 * 1024;

  private static final Map<String, String> LARGE_INPUT = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
      Integer.toString(MAX_INPUT_RECORD_BYTES));
  private static final Map<String, String> LARGE_DEAD_LETTERS = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
      Integer.toString(MAX_DEAD_LETTER_BYTES));
  private static final Map<String, String> WEEK = Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 3600 * 1000));
  private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

  public final Topic<byte[], byte[]> userEvents;
  public final Topic<byte[], byte[]> userEventsDlq;
  public final Topic<String, IngestProgress> ingestProgress;
  public final Topic<byte[], byte[]> definitions;
  public final Topic<byte[], byte[]> definitionsDlq;
  public final Topic<String, WorkspaceTick> workspaceTicks;
  /** Read as bytes by the sink, which sends undecodable tasks to the dead letters instead of failing. */
  public final Topic<String, ComputeTask> computeTasks;
  public final Topic<String, ComputeTask> computeTasksPriority;
  public final Topic<String, TaskResult> computeTaskResults;
  public final Topic<byte[], byte[]> computeTasksDlq;
  public final Topic<String, AssignmentChange> assignments;
  /** Compacted, keyed by input topic: the replay fence of the last `granular backfill`, read by every instance. */
  public final Topic<String, byte[]> backfills;
  /** Compacted, keyed by workspace: the planner's stored definitions, in every instance's global store. */
  public final Topic<String, WorkspaceDefinitions> workspaceDefinitions;

  public Topics(TopicNames names) {
    userEvents = new Topic<>(names.userEvents(), Serdes.ByteArray(), Serdes.ByteArray(), LARGE_INPUT);
    userEventsDlq = new Topic<>(names.userEventsDlq(), Serdes.ByteArray(), Serdes.ByteArray(), LARGE_DEAD_LETTERS);
    ingestProgress = new Topic<>(names.ingestProgress(), Serdes.String(), new AvroSerde<>(IngestProgress.class), WEEK);
    definitions = new Topic<>(names.definitions(), Serdes.ByteArray(), Serdes.ByteArray(), with(COMPACTED, LARGE_INPUT));
    definitionsDlq = new Topic<>(names.definitionsDlq(), Serdes.ByteArray(), Serdes.ByteArray(), LARGE_DEAD_LETTERS);
    workspaceTicks = new Topic<>(names.workspaceTicks(), Serdes.String(), new AvroSerde<>(WorkspaceTick.class), WEEK);
    computeTasks = new Topic<>(names.computeTasks(), Serdes.String(), new AvroSerde<>(ComputeTask.class), WEEK);
    computeTasksPriority = new Topic<>(names.computeTasksPriority(), Serdes.String(), new AvroSerde<>(ComputeTask.class), WEEK);
    computeTaskResults = new Topic<>(names.computeTaskResults(), Serdes.String(), new AvroSerde<>(TaskResult.class), WEEK);
    computeTasksDlq = new Topic<>(names.computeTasksDlq(), Serdes.ByteArray(), Serdes.ByteArray(), Map.of());
    assignments = new Topic<>(names.assignments(), Serdes.String(), new AvroSerde<>(AssignmentChange.class), Map.of());
    backfills = new Topic<>(names.backfills(), Serdes.String(), Serdes.ByteArray(), COMPACTED);
    workspaceDefinitions = new Topic<>(names.workspaceDefinitions(), Serdes.String(), new AvroSerde<>(WorkspaceDefinitions.class),
        with(COMPACTED, LARGE_INPUT));
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> both = new java.util.HashMap<>(a);
    both.putAll(b);
    return Map.copyOf(both);
  }

  /** Serde of the internal repartition topic that brings definition changes to their workspace's planner. */
  public static Serde<DefinitionUpdate> definitionUpdateSerde() {
    return new AvroSerde<>(DefinitionUpdate.class);
  }

  /** The topics `migrate` creates; internal repartition and changelog topics are left to Kafka Streams. */
  public List<Topic<?, ?>> external() {
    return List.of(userEvents, userEventsDlq, ingestProgress, definitions, definitionsDlq, workspaceTicks, computeTasks,
        computeTasksPriority, computeTaskResults, computeTasksDlq, assignments, backfills, workspaceDefinitions);
  }
}
