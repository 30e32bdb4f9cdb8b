package dev.granular.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.app.config.AppConfig;
import dev.granular.app.lifecycle.IngestGroupUpgrade;
import dev.granular.app.topology.Stores;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopicScan;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: a database from before ingest ran as its own client has the input offsets in the
 * application's one group, and its ingest clocks in that group's changelog. The first start moves both to the
 * ingest client, once, so no event is read again or skipped and no clock goes back; a second start changes nothing.
 */
class IngestGroupUpgradeIT {
  @Test
  void theIngestGroupTakesTheOldGroupsInputOffsetsOnceAndTheOldGroupForgetsThem() throws Exception {
    AppConfig config = ItServices.isolatedConfig(Map.of());
    ItServices.migrate(config);
    String topic = config.topics().userEvents();
    String old = StreamsRole.COMPUTE.applicationId(config);
    String ingest = StreamsRole.INGEST.applicationId(config);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
      try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
        for (int i = 0; i < 20; i++) {
          producer.send(new ProducerRecord<>(topic, i % config.kafka().partitions(), null,
              ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
      }
      Map<TopicPartition, OffsetAndMetadata> before = new HashMap<>();
      before.put(new TopicPartition(topic, 0), new OffsetAndMetadata(3));
      before.put(new TopicPartition(topic, 1), new OffsetAndMetadata(5));
      // What the old version left: its ingest clocks' changelog, the input's offsets and another topic's, in the one group.
      String oldClocks = StreamsRole.COMPUTE.changelogTopic(config, Stores.INGEST_CLOCK);
      String newClocks = StreamsRole.INGEST.changelogTopic(config, Stores.INGEST_CLOCK);
      admin.createTopics(List.of(new NewTopic(oldClocks, 2, (short) 1))).all().get();
      try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
        producer.send(new ProducerRecord<>(oldClocks, 0, bytes(""), bytes("clock of partition 0")));
        producer.send(new ProducerRecord<>(oldClocks, 1, bytes(""), bytes("clock of partition 1")));
        producer.send(new ProducerRecord<>(oldClocks, 1, bytes("o'brien"), bytes("a workspace's count")));
      }
      admin.alterConsumerGroupOffsets(old, before).all().get();
      admin.alterConsumerGroupOffsets(old, Map.of(new TopicPartition(config.topics().workspaceTicks(), 0),
          new OffsetAndMetadata(0))).all().get();

      assertEquals(2, IngestGroupUpgrade.run(config), "partitions moved on the first start");
      assertEquals(Map.of(0, 3L, 1, 5L), committed(admin, ingest, topic), "the ingest group resumes where the old one was");
      assertEquals(Map.of(), committed(admin, old, topic), "the old group no longer shows the input");
      assertEquals(Map.of(0, 0L), committed(admin, old, config.topics().workspaceTicks()), "its other offsets stay");
      assertEquals(List.of("0 =clock of partition 0", "1 =clock of partition 1", "1 o'brien=a workspace's count"),
          records(config, newClocks), "the clocks were copied partition by partition, before the ingest client restores them");

      admin.alterConsumerGroupOffsets(old, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1))).all().get();
      assertEquals(0, IngestGroupUpgrade.run(config), "a later start: the ingest group has offsets of its own");
      assertEquals(Map.of(0, 3L, 1, 5L), committed(admin, ingest, topic), "and they are never overwritten");
    } finally {
      ItServices.cleanup(config);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> records(AppConfig config, String topic) {
    List<String> out = new java.util.ArrayList<>();
    TopicScan.scan(config.kafka().bootstrapServers(), topic, r -> out.add(r.partition() + " "
        + new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(), StandardCharsets.UTF_8)));
    out.sort(null);
    return out;
  }

  private static Map<Integer, Long> committed(Admin admin, String group, String topic) throws Exception {
    Map<Integer, Long> out = new TreeMap<>();
    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((tp, om) -> {
      if (tp.topic().equals(topic) && om != null) {
        out.put(tp.partition(), om.offset());
      }
    });
    return out;
  }
}
