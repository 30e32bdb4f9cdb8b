package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.GranularApp;
import dev.granular.app.topology.TopicScan;
import dev.granular.app.config.AppConfig;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.feed.SampleEvents;
import dev.granular.avro.IngestProgress;
import dev.granular.sink.client.ClickHouse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ingest end to end on the real broker and the real ClickHouse server. */
class IngestIT {
  private static final List<String> WORKSPACES = List.of("ws-a", "ws-b", "ws-c", "ws-d");
  private AppConfig config;
  private GranularApp app;
  private ClickHouse clickHouse;

  private void start(Map<String, ?> extra) {
    config = ItServices.isolatedConfig(extra);
    ItServices.migrate(config);
    clickHouse = new ClickHouse(config.clickHouse());
    app = new GranularApp(config);
    app.start();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (clickHouse != null) {
      clickHouse.close();
    }
    if (config != null) {
      ItServices.cleanup(config);
    }
  }

  private long distinctStored() {
    return clickHouse.scalarLong("SELECT uniqExact(message_id) FROM " + clickHouse.table("user_events"));
  }

  private long rowsStored() {
    return clickHouse.scalarLong("SELECT count() FROM " + clickHouse.table("user_events"));
  }

  private List<byte[]> validEvents(int n, String run) {
    SampleEvents sample = new SampleEvents(7, run, System.currentTimeMillis());
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ObjectNode e = sample.valid(i, WORKSPACES);
      out.add(e.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private void produce(List<byte[]> values) {
    try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
      for (byte[] v : values) {
        producer.send(new ProducerRecord<>(config.topics().userEvents(), v));
      }
      producer.flush();
    }
  }

  @Test
  void hundredThousandEventsGiveExactlyAsManyDistinctMessageIdsAndAReplayChangesNothing() {
    start(Map.of("granular.ingest.batch-size", 10_000));
    List<byte[]> events = validEvents(100_000, "bulk");
    produce(events);
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> distinctStored() >= 100_000);
    assertEquals(100_000, distinctStored());
    Map<String, String> perWorkspace = distinctPerWorkspace();
    assertEquals(WORKSPACES.size(), perWorkspace.size());
    assertEquals("25000", perWorkspace.get("ws-a"));

    long rowsBefore = rowsStored();
    produce(events.subList(0, 10_000)); // 10% again, as a replay or a retrying producer would
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> rowsStored() >= rowsBefore + 10_000);
    assertEquals(100_000, distinctStored(), "re-sent events must not change any distinct count");
    assertEquals(perWorkspace, distinctPerWorkspace());

    // The planner's progress feed: every stored row was reported durable, and watermarks only rise: each
    // workspace's latest durable event per input partition, and each input partition's own (its heartbeats).
    Map<String, Long> durable = new HashMap<>();
    Map<String, Long> watermark = new HashMap<>();
    Map<String, Long> partitionWatermark = new HashMap<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      durable.clear(); // each attempt re-reads the whole topic
      watermark.clear();
      partitionWatermark.clear();
      for (ConsumerRecord<byte[], byte[]> r : readAll(config.topics().ingestProgress())) {
        IngestProgress p = new dev.granular.app.serde.AvroSerde<>(IngestProgress.class).deserializer().deserialize("", r.value());
        String from = "input " + p.getInputPartition() + " to planner partition " + r.partition();
        Long before = partitionWatermark.put(from, p.getPartitionWatermarkMs());
        if (p.getPartitionWatermarkMs() >= 0) { // -1: a new owner's announcement, which has none
          assertTrue(before == null || before <= p.getPartitionWatermarkMs(), "partition watermark went backwards: " + from);
        }
        if (r.key() == null) {
          continue; // a heartbeat, copied to every planner partition
        }
        String key = new String(r.key(), StandardCharsets.UTF_8) + " via input " + p.getInputPartition();
        durable.merge(key, p.getDurableEvents(), Long::sum);
        Long previous = watermark.put(key, p.getWatermarkMs());
        assertTrue(previous == null || previous <= p.getWatermarkMs(), "watermark went backwards for " + key);
      }
      assertEquals(rowsStored(), durable.values().stream().mapToLong(Long::longValue).sum());
      long maxStoredTime = clickHouse.scalarLong("SELECT max(processing_time_ms) FROM " + clickHouse.table("user_events"));
      assertEquals(config.kafka().partitions() * config.kafka().partitions(), partitionWatermark.size(),
          "every input partition's heartbeat reached every planner partition: " + partitionWatermark.keySet());
      assertTrue(partitionWatermark.values().stream().allMatch(w -> w >= maxStoredTime),
          "every partition is durable past the last stored event: " + partitionWatermark + " vs " + maxStoredTime);
    });
    long maxStoredTime = clickHouse.scalarLong("SELECT max(processing_time_ms) FROM " + clickHouse.table("user_events"));
    assertEquals(maxStoredTime, watermark.values().stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  void everyInvalidClassLandsInTheDeadLetterTopicWithItsReasonAndNeighboursAreStored() {
    start(Map.of());
    SampleEvents sample = new SampleEvents(3, "dlq", System.currentTimeMillis());
    List<String[]> invalid = sample.invalid("ws-a", config.ingest().maxFieldLength(), config.ingest().maxPayloadBytes());
    List<byte[]> values = new ArrayList<>();
    int valid = 0;
    for (String[] bad : invalid) {
      values.add(sample.valid(valid++, WORKSPACES).toString().getBytes(StandardCharsets.UTF_8));
      values.add(bad[1].getBytes(StandardCharsets.UTF_8));
    }
    values.add(sample.valid(valid++, WORKSPACES).toString().getBytes(StandardCharsets.UTF_8));
    produce(values);

    int expectedValid = valid;
    await().atMost(Duration.ofMinutes(2)).until(() -> distinctStored() == expectedValid);
    Map<String, byte[]> byReason = new HashMap<>();
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      for (ConsumerRecord<byte[], byte[]> r : readAll(config.topics().userEventsDlq())) {
        String reason = header(r, DeadLetterHeaders.REASON);
        assertEquals(config.topics().userEvents(), header(r, DeadLetterHeaders.SOURCE_TOPIC));
        assertNotNull(header(r, DeadLetterHeaders.SOURCE_OFFSET));
        assertNotNull(header(r, DeadLetterHeaders.DETAIL));
        byReason.put(reason, r.value());
      }
      assertEquals(invalid.size(), byReason.size(), "reasons seen: " + byReason.keySet());
    });
    for (String[] bad : invalid) {
      assertArrayEquals(bad[1].getBytes(StandardCharsets.UTF_8), byReason.get(bad[0]), "original bytes for " + bad[0]);
    }
  }

  private Map<String, String> distinctPerWorkspace() {
    Map<String, String> out = new HashMap<>();
    for (String[] row : clickHouse.rows("SELECT workspace_id, uniqExact(message_id) FROM " + clickHouse.table("user_events")
        + " GROUP BY workspace_id")) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  private static String header(ConsumerRecord<?, ?> r, String key) {
    var h = r.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Every record currently on the topic, read without a consumer group. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    TopicScan.scan(ItServices.BOOTSTRAP, topic, out::add);
    return out;
  }
}
