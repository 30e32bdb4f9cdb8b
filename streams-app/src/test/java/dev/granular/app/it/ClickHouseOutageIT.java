package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.granular.app.GranularApp;
import dev.granular.app.config.AppConfig;
import dev.granular.app.feed.SampleEvents;
import dev.granular.sink.client.ClickHouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse is really stopped in the middle of ingest, past the writer's retry budget, and started again:
 * no offset of an unwritten event is committed meanwhile, and afterwards every event is stored.
 */
class ClickHouseOutageIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path PID_FILE = ROOT.resolve(".run/clickhouse/clickhouse.pid");

  @Test
  void everyEventIsStoredOnceClickHouseReturns() throws Exception {
    assumeTrue(Files.exists(PID_FILE), "ClickHouse was not started by this checkout (make services-up), so the test may not stop it");
    AppConfig config = ItServices.isolatedConfig(Map.of(
        "granular.ingest.batch-size", 2000,
        "granular.ingest.retry.initial-backoff", "100ms",
        "granular.ingest.retry.max-backoff", "1s",
        "granular.ingest.retry.max-elapsed", "6s",
        "granular.clickhouse.socket-timeout", "15s"));
    ItServices.migrate(config);
    SampleEvents sample = new SampleEvents(11, "outage", System.currentTimeMillis());
    List<String> workspaces = List.of("w1", "w2", "w3");
    try (GranularApp app = new GranularApp(config); ClickHouse clickHouse = new ClickHouse(config.clickHouse());
        KafkaProducer<byte[], byte[]> producer = ItServices.producer();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.BOOTSTRAP))) {
      app.start();
      String count = "SELECT uniqExact(message_id) FROM " + clickHouse.table("user_events");
      send(producer, config, sample, workspaces, 0, 10_000);
      await().atMost(Duration.ofMinutes(2)).until(() -> clickHouse.scalarLong(count) == 10_000);

      String repartition = config.kafka().applicationId() + "-ingest-by-workspace-repartition";
      services("down");
      try {
        send(producer, config, sample, workspaces, 10_000, 20_000);
        Thread.sleep(3_000);
        long committedEarly = committed(admin, config.kafka().applicationId(), repartition);
        Thread.sleep(12_000); // twice the retry budget: the stream thread gives up and is replaced at least once
        long committedLate = committed(admin, config.kafka().applicationId(), repartition);
        assertEquals(committedEarly, committedLate, "no writer offset may be committed while ClickHouse is down");
      } finally {
        services("up");
      }
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> clickHouse.scalarLong(count) == 20_000);
      assertTrue(app.streams().state() == KafkaStreams.State.RUNNING || app.streams().state() == KafkaStreams.State.REBALANCING,
          "the app keeps running: " + app.streams().state());
    } finally {
      ItServices.cleanup(config);
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, AppConfig config, SampleEvents sample,
      List<String> workspaces, int from, int to) {
    for (int i = from; i < to; i++) {
      producer.send(new ProducerRecord<>(config.topics().userEvents(),
          sample.valid(i, workspaces).toString().getBytes(StandardCharsets.UTF_8)));
    }
    producer.flush();
  }

  private static long committed(Admin admin, String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset()).sum();
  }

  private static void services(String action) throws IOException, InterruptedException {
    Path log = Path.of("target", "clickhouse-outage-services.log").toAbsolutePath();
    Process p = new ProcessBuilder("bash", ROOT.resolve("services/clickhouse.sh").toString(), action)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    assertEquals(0, p.waitFor(), "services/clickhouse.sh " + action + " (output in " + log + ")");
  }
}
