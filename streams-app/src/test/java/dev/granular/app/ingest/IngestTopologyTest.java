package dev.granular.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.config.AppConfig;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.topology.GranularTopology;
import dev.granular.app.topology.IngestTopology;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.Topics;
import dev.granular.avro.IngestProgress;
import dev.granular.sink.events.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production ingest topology on TopologyTestDriver, with an in-memory sink standing in for ClickHouse. */
class IngestTopologyTest {
  private final List<StoredEvent> stored = new ArrayList<>();
  /** Every event the writer handed to the sink, stored or refused. */
  private final List<StoredEvent> offered = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private boolean sinkDown;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> input;
  private TestOutputTopic<byte[], byte[]> dlq;
  private TestOutputTopic<String, IngestProgress> progress;

  @BeforeEach
  void start() {
    AppConfig config = AppConfig.load(null, Map.of("granular.ingest.batch-size", 3, "granular.ingest.flush-interval", "10s"));
    var deps = new GranularTopology.Dependencies(() -> batch -> {
      offered.addAll(batch);
      if (sinkDown) {
        throw new IllegalStateException("ClickHouse unreachable");
      }
      stored.addAll(batch);
    }, () -> (task, workspace) -> {
      throw new IllegalStateException("no compute in ingest tests");
    }, clock::get, GranularMetrics.inMemory(), 1);
    driver = new TopologyTestDriver(IngestTopology.build(config, deps), StreamsRole.INGEST.properties(config));
    Topics topics = new Topics(config.topics());
    input = driver.createInputTopic(topics.userEvents.name(), new ByteArraySerializer(), new ByteArraySerializer());
    dlq = driver.createOutputTopic(topics.userEventsDlq.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    progress = driver.createOutputTopic(topics.ingestProgress.name(), new StringDeserializer(),
        topics.ingestProgress.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    sinkDown = false;
    driver.close();
  }

  private void send(String json) {
    input.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String event(String ws, String id) {
    return "{\"workspaceId\":\"" + ws + "\",\"messageId\":\"" + id + "\",\"type\":\"track\",\"event\":\"e\",\"userId\":\"u\","
        + "\"timestamp\":\"2025-01-01T00:00:00Z\"}";
  }

  @Test
  void aBackfillFenceReplaysOnlyTheSelectedWorkspacesBelowItAndNeverDeadLettersTwice() {
    AppConfig config = AppConfig.load(null, Map.of());
    Topics topics = new Topics(config.topics());
    TestInputTopic<String, byte[]> backfills = driver.createInputTopic(topics.backfills.name(), new org.apache.kafka.common.serialization.StringSerializer(),
        new ByteArraySerializer());
    // Offsets 0..3 were processed before the backfill (committed offset 4); only workspace "a'; DROP" is replayed.
    String hostile = "a'; DROP TABLE user_events; --";
    backfills.pipeInput(topics.userEvents.name(), new ReplayFence(topics.userEvents.name(), List.of(hostile), Map.of(0, 4L), 0, 1).toJson());
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    send(event(hostile, "a-1"));   // offset 0: replayed, selected
    send(event("b", "b-1"));       // offset 1: replayed, not selected
    send("{not json");             // offset 2: replayed, dead-lettered the first time
    send(event("b", "b-2"));       // offset 3: replayed, not selected
    send(event("b", "b-3"));       // offset 4: never processed: kept
    send("{still not json");       // offset 5: never processed: dead-lettered
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    assertEquals(List.of("a-1", "b-3"), stored.stream().map(StoredEvent::messageId).toList());
    assertEquals(1, dlq.readRecordsToList().size(), "only the record never processed before is dead-lettered");
  }

  @Test
  void invalidRecordsGoToTheDeadLetterTopicWithReasonSourceAndOriginalBytes() {
    send(event("w", "ok-1"));
    String bad = "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"track\",\"userId\":\"u\"}";
    send(bad);
    send(event("w", "ok-2"));

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertEquals(bad, new String(dead.value(), StandardCharsets.UTF_8));
    assertEquals("k", new String(dead.key(), StandardCharsets.UTF_8));
    Headers h = dead.headers();
    assertEquals("missing_event", header(h, DeadLetterHeaders.REASON));
    assertEquals("user-events", header(h, DeadLetterHeaders.SOURCE_TOPIC));
    assertEquals("1", header(h, DeadLetterHeaders.SOURCE_OFFSET));
    assertTrue(dlq.isEmpty());
    assertEquals(List.of("ok-1", "ok-2"), stored.stream().map(StoredEvent::messageId).toList());
  }

  @Test
  void everyCommitFlushesTheBufferBeforeOffsetsAreCommitted() {
    // The driver commits after each input record; the batch size of 3 is never reached here.
    send(event("w", "a"));
    assertEquals(1, stored.size(), "the store flush at commit must have written the event");
  }

  @Test
  void aFailingSinkFailsTheCommitInsteadOfDroppingEvents() {
    sinkDown = true;
    RuntimeException failure = assertThrows(RuntimeException.class, () -> send(event("w", "lost?")));
    // Not "nothing stored" (this fake never stores while down) but: the flush handed the sink this very event.
    assertEquals(List.of("lost?"), ids(offered), "the commit's flush handed the event to the sink");
    assertTrue(causes(failure).contains("ClickHouse unreachable"), "the sink's own failure: " + causes(failure));
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::messageId).toList();
  }

  private static List<String> causes(Throwable e) {
    List<String> out = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.add(t.getMessage());
    }
    return out;
  }

  @Test
  void processingTimeNeverMovesBackwardsWithinAPartitionAndProgressFollowsDurability() {
    send(event("w1", "a"));
    driver.advanceWallClockTime(Duration.ofSeconds(11)); // publishes "a" as durable, and the partition up to 1,000,000
    clock.set(500_000); // the wall clock jumps back
    send(event("w1", "b"));
    send(event("w2", "c"));
    clock.set(1_000_000);
    send(event("w1", "d"));
    driver.advanceWallClockTime(Duration.ofSeconds(11)); // punctuation publishes what commits made durable

    List<Long> times = stored.stream().map(StoredEvent::processingTimeMs).toList();
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i) >= times.get(i - 1), "one clock for the partition, monotonic: " + times);
    }
    // After the partition was published durable up to 1,000,000, every later event sorts strictly after it,
    // whichever workspace it belongs to.
    assertTrue(times.get(1) > 1_000_000 && times.get(2) > 1_000_000, "b and c after the published watermark: " + times);

    Map<String, IngestProgress> last = new java.util.HashMap<>();
    List<IngestProgress> heartbeats = new ArrayList<>();
    long w1Events = 0;
    for (var kv : progress.readKeyValuesToList()) {
      if (kv.key == null) {
        heartbeats.add(kv.value);
        continue;
      }
      last.put(kv.key, kv.value);
      if (kv.key.equals("w1")) {
        w1Events += kv.value.getDurableEvents();
      }
    }
    assertEquals(3, w1Events);
    assertEquals(3, last.get("w1").getDurableEventsTotal());
    assertEquals(times.get(3), last.get("w1").getWatermarkMs(), "the workspace's latest durable event");
    assertEquals(1, last.get("w2").getDurableEventsTotal());
    List<Long> published = heartbeats.stream().map(IngestProgress::getPartitionWatermarkMs).toList();
    // The driver commits after every record, so the barrier inserts each one and only the punctuations publish.
    assertEquals(List.of(1_000_000L, times.get(3)), published, "a heartbeat per flush, at the partition's watermark");
    assertTrue(heartbeats.stream().allMatch(h -> h.getWorkspaceId() == null && h.getInputPartition() == 0));
    assertEquals(times.get(3), last.get("w1").getPartitionWatermarkMs(), "each count carries the partition's watermark");
  }

  @Test
  void anIdlePartitionsWatermarkAdvancesOnWallTime() {
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    clock.set(2_000_000);
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    var records = progress.readKeyValuesToList();
    assertEquals(List.of(1_000_000L, 2_000_000L), records.stream().map(kv -> kv.value.getPartitionWatermarkMs()).toList());
    clock.set(1_500_000); // wall time going back must not let an event sort below what was published
    send(event("w1", "after"));
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    assertTrue(stored.get(0).processingTimeMs() > 2_000_000, "after the idle partition's watermark: " + stored);
  }

  @Test
  void aNewOwnerAnnouncesEventsItsPredecessorMadeDurableButNeverPublished() {
    // The previous owner's last commit flushed 3 events of w9 and committed their offsets and this clock, then
    // the task moved (or the instance died) before the progress record went out. (Written by a version with one
    // clock per workspace: the partition's clock starts above it.)
    driver.<String, WorkspaceClock>getKeyValueStore("ingest-clock").put("w9", new WorkspaceClock(777_000, 5, 8));
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    var announced = progress.readKeyValuesToList().stream().filter(kv -> kv.key != null).toList();
    assertEquals(1, announced.size(), "one progress record: " + announced);
    assertEquals(3, announced.get(0).value.getDurableEvents());
    assertEquals(8, announced.get(0).value.getDurableEventsTotal());
    assertEquals(777_000, announced.get(0).value.getWatermarkMs());
    clock.set(1_000);
    send(event("w9", "late-clock"));
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    assertTrue(stored.get(0).processingTimeMs() > 777_000, "a later event sorts after the announced watermark");
    assertEquals(9, progress.readKeyValuesToList().stream().filter(kv -> kv.key != null).findFirst().orElseThrow()
        .value.getDurableEventsTotal(), "announced once, then counted on");
  }

  private static String header(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
