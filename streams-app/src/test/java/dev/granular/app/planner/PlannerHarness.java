package dev.granular.app.planner;

import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.sink.ChangeRecords;
import dev.granular.app.sink.TaskWork;
import dev.granular.app.topology.GranularTopology;
import dev.granular.app.topology.StreamsProperties;
import dev.granular.app.topology.Stores;
import dev.granular.app.topology.Topics;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceTick;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The production topology on TopologyTestDriver with a fake task runner standing in for ClickHouse: tasks
 * the planner sends are consumed by the compute sink, whose results come back to the planner.
 */
final class PlannerHarness implements AutoCloseable {
  final TopologyTestDriver driver;
  final ConcurrentLinkedQueue<ComputeTask> ran = new ConcurrentLinkedQueue<>();
  /** The compiled workspace each task ran on, in order. */
  final ConcurrentLinkedQueue<dev.granular.app.definitions.CompiledWorkspace> ranOn = new ConcurrentLinkedQueue<>();
  final GranularMetrics metrics;
  volatile Predicate<ComputeTask> fails = t -> false;
  private final Topics topics;
  private final TestInputTopic<byte[], byte[]> definitions;
  private final TestInputTopic<String, IngestProgress> progress;
  private final TestInputTopic<String, WorkspaceTick> ticks;
  private final TestOutputTopic<String, ComputeTask> normal;
  private final TestOutputTopic<String, ComputeTask> priority;
  private final TestOutputTopic<byte[], byte[]> dlq;
  private final TestOutputTopic<String, dev.granular.avro.WorkspaceDefinitions> published;
  final List<ComputeTask> sentNormal = new ArrayList<>();
  final List<ComputeTask> sentPriority = new ArrayList<>();
  private final Map<String, Long> eventsTotal = new HashMap<>();

  PlannerHarness(Map<String, Object> settings) {
    this(settings, GranularMetrics.inMemory(), System::currentTimeMillis);
  }

  /** @param wallClock the sink's clock: when tasks start and finish */
  PlannerHarness(Map<String, Object> settings, GranularMetrics metrics, java.util.function.LongSupplier wallClock) {
    this(settings, metrics, wallClock, 1);
  }

  /** @param inputPartitions the partitions of the input topic, each with its own watermark */
  PlannerHarness(Map<String, Object> settings, GranularMetrics metrics, java.util.function.LongSupplier wallClock,
      int inputPartitions) {
    this.metrics = metrics;
    Map<String, Object> all = new HashMap<>(Map.of("granular.planner.scheduler-interval", "0s",
        "granular.tasks.max-attempts", 3, "granular.tasks.retry-initial-backoff", "1s", "granular.sink.concurrency-per-partition", 2));
    all.putAll(settings);
    AppConfig config = AppConfig.load(null, all);
    TaskWork work = (task, workspace) -> {
      ran.add(task);
      ranOn.add(workspace);
      if (fails.test(task)) {
        throw new IllegalStateException("ClickHouse said no");
      }
      return new TaskWork.Outcome(task.getEstimatedWork(), 1, 2, ChangeRecords.none());
    };
    driver = new TopologyTestDriver(GranularTopology.build(config, new GranularTopology.Dependencies(
        () -> batch -> { }, () -> work, wallClock, metrics, inputPartitions)), StreamsProperties.from(config));
    topics = new Topics(config.topics());
    definitions = driver.createInputTopic(topics.definitions.name(), new ByteArraySerializer(), new ByteArraySerializer());
    progress = driver.createInputTopic(topics.ingestProgress.name(), new StringSerializer(), topics.ingestProgress.valueSerde().serializer());
    ticks = driver.createInputTopic(topics.workspaceTicks.name(), new StringSerializer(), topics.workspaceTicks.valueSerde().serializer());
    normal = driver.createOutputTopic(topics.computeTasks.name(), new StringDeserializer(), topics.computeTasks.valueSerde().deserializer());
    priority = driver.createOutputTopic(topics.computeTasksPriority.name(), new StringDeserializer(),
        topics.computeTasksPriority.valueSerde().deserializer());
    dlq = driver.createOutputTopic(topics.computeTasksDlq.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    published = driver.createOutputTopic(topics.workspaceDefinitions.name(), new StringDeserializer(),
        topics.workspaceDefinitions.valueSerde().deserializer());
  }

  /** What the planner put on the topic the global copy of definitions reads, since the last call. */
  List<dev.granular.avro.WorkspaceDefinitions> published() {
    return published.readValuesToList();
  }

  /** Defines {@code n} trait segments s0..s(n-1) in workspace w. */
  void segments(String workspace, int n) {
    for (int i = 0; i < n; i++) {
      String json = "{\"workspaceId\":\"" + workspace + "\",\"id\":\"s" + i + "\",\"name\":\"s" + i + "\",\"type\":\"Segment\","
          + "\"definition\":{\"entryNode\":{\"type\":\"Trait\",\"id\":\"1\",\"path\":\"plan\",\"operator\":{\"type\":\"Equals\","
          + "\"value\":\"p" + i + "\"}},\"nodes\":[]}}";
      definitions.pipeInput((workspace + "/s" + i).getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Reports {@code events} more durable events, up to watermark. */
  void ingested(String workspace, long events, long watermarkMs) {
    long total = eventsTotal.merge(workspace, events, Long::sum);
    progress.pipeInput(workspace, new IngestProgress(workspace, events, total, watermarkMs, 0L, 0L, watermarkMs, 0, watermarkMs));
  }

  /**
   * Input partition {@code partition} made {@code events} more of the workspace's events durable, the latest at
   * {@code latestMs}, and is itself durable up to {@code partitionWatermarkMs}.
   */
  void ingestedOn(int partition, String workspace, long events, long total, long latestMs, long partitionWatermarkMs) {
    progress.pipeInput(workspace, new IngestProgress(workspace, events, total, latestMs, 0L, 0L, latestMs, partition,
        partitionWatermarkMs));
  }

  /** Input partition {@code partition}'s heartbeat: durable up to {@code watermarkMs}, nothing new to count. */
  void heartbeat(int partition, long watermarkMs) {
    progress.pipeInput((String) null, new IngestProgress(null, 0L, 0L, watermarkMs, 0L, 0L, watermarkMs, partition, watermarkMs));
  }

  void tick(String workspace, long nowMs) {
    tick(workspace, nowMs, "manual");
  }

  void tick(String workspace, long nowMs, String source) {
    ticks.pipeInput(workspace, new WorkspaceTick(workspace, nowMs, source, null));
  }

  /** A backfill's tick: move the cursor back to {@code toMs} and plan from there. */
  void rewind(String workspace, long nowMs, long toMs) {
    ticks.pipeInput(workspace, new WorkspaceTick(workspace, nowMs, "backfill", toMs));
  }

  /** Lets the sink's workers finish and forwards their results (and the planner's retry timer run). */
  void settle(Duration wallClock) {
    driver.advanceWallClockTime(wallClock);
    collect();
  }

  void collect() {
    sentNormal.addAll(normal.readValuesToList());
    sentPriority.addAll(priority.readValuesToList());
  }

  /** Pipes one raw record onto the definitions topic. */
  void definition(String key, String json) {
    definitions.pipeInput(key.getBytes(StandardCharsets.UTF_8), json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reason headers of the definitions dead letters so far. */
  List<String> definitionDeadLetterReasons() {
    List<String> out = new ArrayList<>();
    driver.createOutputTopic(topics.definitionsDlq.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList()
        .forEach(r -> out.add(new String(r.headers().lastHeader(dev.granular.app.dlq.DeadLetterHeaders.REASON).value(),
            StandardCharsets.UTF_8)));
    return out;
  }

  List<byte[]> deadLetters() {
    List<byte[]> out = new ArrayList<>();
    dlq.readRecordsToList().forEach(r -> out.add(r.value()));
    return out;
  }

  /** The compile the planner and the sink share for the workspace's stored definitions (compiles if absent). */
  dev.granular.app.definitions.CompiledWorkspace sharedCompile(String workspace) {
    KeyValueStore<String, dev.granular.avro.WorkspaceDefinitions> stored = driver.getKeyValueStore(Stores.WORKSPACE_DEFINITIONS);
    dev.granular.app.definitions.CompiledWorkspaces shared =
        (dev.granular.app.definitions.CompiledWorkspaces) driver.getStateStore(Stores.COMPILED_WORKSPACES);
    return shared.get(stored.get(workspace));
  }

  PlannerState state(String workspace) {
    KeyValueStore<String, PlannerState> store = driver.getKeyValueStore(Stores.PLANNER_STATE);
    return store.get(workspace);
  }

  List<TaskResult> results() {
    return driver.createOutputTopic(topics.computeTaskResults.name(), new StringDeserializer(),
        topics.computeTaskResults.valueSerde().deserializer()).readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
