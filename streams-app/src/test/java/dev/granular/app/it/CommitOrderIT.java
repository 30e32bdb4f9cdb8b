package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.topology.GranularTopology;
import dev.granular.app.topology.IngestTopology;
import dev.granular.app.topology.StreamsRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The commit barrier runs before Kafka Streams commits, on the real broker: while the ingest insert that a
 * commit triggered is held, the group's offsets on the input topic must not have moved past the held
 * events. (Kafka Streams 4.1 flushes stores only after committing; the barrier is a cache flush for this.)
 */
class CommitOrderIT {
  @Test
  void offsetsAreCommittedOnlyAfterTheInsertTheCommitWaitsFor() throws Exception {
    AppConfig config = ItServices.isolatedConfig(Map.of("granular.ingest.batch-size", 100_000, "granular.ingest.flush-interval", "10m",
        "granular.ingest.stream-threads", 1, "granular.planner.scheduler-interval", "0s"));
    ItServices.migrate(config);
    CountDownLatch inserting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var deps = new GranularTopology.Dependencies(() -> batch -> {
      inserting.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }, () -> (task, workspace) -> {
      throw new IllegalStateException("no compute here");
    }, System::currentTimeMillis, GranularMetrics.inMemory(), config.kafka().partitions());
    String input = config.topics().userEvents();
    try (KafkaStreams streams = new KafkaStreams(IngestTopology.build(config, deps), StreamsRole.INGEST.properties(config));
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.BOOTSTRAP))) {
      streams.start();
      try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
        for (int i = 0; i < 50; i++) {
          producer.send(new ProducerRecord<>(config.topics().userEvents(), ("{\"workspaceId\":\"w\",\"messageId\":\"m" + i
              + "\",\"type\":\"track\",\"event\":\"e\",\"userId\":\"u\",\"timestamp\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8)));
        }
      }
      assertTrue(inserting.await(2, TimeUnit.MINUTES), "a commit asked for the insert");
      long held = committed(admin, StreamsRole.INGEST.applicationId(config), input);
      release.countDown();
      await().atMost(Duration.ofMinutes(1)).until(() -> committed(admin, StreamsRole.INGEST.applicationId(config), input) >= 50);
      assertEquals(0, held, "offsets of the held events were committed before their insert returned");
    } finally {
      release.countDown();
      ItServices.cleanup(config);
    }
  }

  private static long committed(Admin admin, String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return all.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset()).sum();
  }
}
