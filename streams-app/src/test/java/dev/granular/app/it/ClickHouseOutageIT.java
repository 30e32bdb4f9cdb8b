package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.GranularApp;
import dev.granular.app.config.AppConfig;
import dev.granular.app.feed.SampleEvents;
import dev.granular.sink.client.ClickHouse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse is really stopped in the middle of ingest, past the writer's retry budget, and started again:
 * no offset of an unwritten event is committed meanwhile, and afterwards every event is stored. The server is
 * the test's own ({@link PrivateClickHouse}), so stopping it disturbs nobody.
 */
class ClickHouseOutageIT {
  @Test
  void everyEventIsStoredOnceClickHouseReturns() throws Exception {
    try (PrivateClickHouse server = PrivateClickHouse.start()) {
      AppConfig config = ItServices.isolatedConfig(Map.of(
          "granular.clickhouse.url", server.url(),
          "granular.ingest.batch-size", 2000,
          "granular.ingest.retry.initial-backoff", "100ms",
          "granular.ingest.retry.max-backoff", "1s",
          "granular.ingest.retry.max-elapsed", "6s",
          "granular.clickhouse.socket-timeout", "15s"));
      try {
        outage(config, server);
      } finally {
        ItServices.cleanup(config);
      }
    }
  }

  private static void outage(AppConfig config, PrivateClickHouse server) throws Exception {
    ItServices.migrate(config);
    SampleEvents sample = new SampleEvents(11, "outage", System.currentTimeMillis());
    List<String> workspaces = List.of("w1", "w2", "w3");
    String input = config.topics().userEvents();
    try (GranularApp app = new GranularApp(config); ClickHouse clickHouse = new ClickHouse(config.clickHouse());
        KafkaProducer<byte[], byte[]> producer = ItServices.producer();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.BOOTSTRAP))) {
      app.start();
      String count = "SELECT uniqExact(message_id) FROM " + clickHouse.table("user_events");
      send(producer, config, sample, workspaces, 0, 10_000);
      await().atMost(Duration.ofMinutes(2)).until(() -> clickHouse.scalarLong(count) == 10_000);
      // The baseline, before the outage: the writer has committed all it read, so a commit during the outage past
      // a visible record would be of an event it could not write.
      // Every partition of the topic, not only those with a commit yet: a partition committed late would look
      // like a commit during the outage.
      Set<TopicPartition> partitions = java.util.stream.IntStream.range(0, config.kafka().partitions())
          .mapToObj(p -> new TopicPartition(input, p)).collect(Collectors.toSet());
      Map<TopicPartition, Long> baseline = await().atMost(Duration.ofMinutes(1)).until(() -> committed(admin, config, input),
          c -> ends(admin, partitions).entrySet().stream().allMatch(e -> c.getOrDefault(e.getKey(), 0L).equals(e.getValue())));
      System.out.println("baseline committed offsets before the outage: " + baseline);
      int threads = config.ingest().streamThreads(); // the ingest client's threads are the ones that write events

      server.stop();
      try {
        send(producer, config, sample, workspaces, 10_000, 20_000);
        // Until more stream threads failed than there were at the start, so a replacement failed too: both the
        // original and its replacement read the new events, could not write them, and gave up without committing.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).dontCatchUncaughtExceptions()
            .failFast("the writer committed past an event it could not write", () -> passedVisible(admin, config, input, baseline))
            .until(() -> failedThreads(app) > threads);
        System.out.println("stream threads failed during the outage: " + failedThreads(app));
      } finally {
        server.startAgain();
      }
      // Stream threads that gave up during the outage are expected: their exceptions are not the test's failure.
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).dontCatchUncaughtExceptions()
          .until(() -> clickHouse.scalarLong(count) == 20_000);
      // The same measurement, once the events are written, sees the commit pass all 10,000: it could see one all along.
      await().atMost(Duration.ofMinutes(1)).dontCatchUncaughtExceptions()
          .until(() -> VisibleRecords.between(baseline, committed(admin, config, input)) >= 10_000);
      for (KafkaStreams client : List.of(app.ingest(), app.streams())) {
        assertTrue(client.state() == KafkaStreams.State.RUNNING || client.state() == KafkaStreams.State.REBALANCING,
            "the app keeps running: " + client.state());
      }
    }
  }

  /**
   * Whether the writer's commit moved past a record a reader sees. (The input topic's records are all visible, but
   * the check stays general: under exactly-once, records a transactional producer aborted may be passed.)
   */
  private static boolean passedVisible(Admin admin, AppConfig config, String topic, Map<TopicPartition, Long> baseline)
      throws Exception {
    Map<TopicPartition, Long> now = committed(admin, config, topic);
    if (now.equals(baseline)) {
      return false;
    }
    long visible = VisibleRecords.between(baseline, now);
    System.out.println("during the outage the writer committed " + now + ", past " + visible + " visible records");
    return visible > 0;
  }

  /** Kafka Streams' own count; thread names are reused by replacements, so they cannot tell one thread from the next. */
  private static double failedThreads(GranularApp app) {
    return app.ingest().metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("failed-stream-threads") && e.getKey().group().equals("stream-metrics"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).findFirst()
        .orElseThrow(() -> new AssertionError("Kafka Streams has no failed-stream-threads metric"));
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, AppConfig config, SampleEvents sample,
      List<String> workspaces, int from, int to) {
    for (int i = from; i < to; i++) {
      producer.send(new ProducerRecord<>(config.topics().userEvents(),
          sample.valid(i, workspaces).toString().getBytes(StandardCharsets.UTF_8)));
    }
    producer.flush();
  }

  /** The ingest group's committed offsets on {@code topic}, by partition. */
  private static Map<TopicPartition, Long> committed(Admin admin, AppConfig config, String topic) throws Exception {
    return admin.listConsumerGroupOffsets(dev.granular.app.topology.StreamsRole.INGEST.applicationId(config)).partitionsToOffsetAndMetadata().get().entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static Map<TopicPartition, Long> ends(Admin admin, Set<TopicPartition> partitions) {
    try {
      return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
          .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (Exception e) {
      throw new IllegalStateException("end offsets of " + partitions, e);
    }
  }

}
