package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.app.it.ItServices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** On the real broker: only committed records, each once, the new ones at each refresh. */
class CommittedTailIT {
  @Test
  void eachRefreshHandsOverWhatWasCommittedSinceTheLast() throws Exception {
    String topic = "it-tail-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP));
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
             ItServices.BOOTSTRAP, ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic), new ByteArraySerializer(), new ByteArraySerializer())) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
      producer.initTransactions();
      send(producer, topic, true, "a", "b");
      send(producer, topic, false, "aborted");
      try (CommittedTail tail = new CommittedTail(ItServices.BOOTSTRAP, List.of(topic), 1024 * 1024)) {
        assertEquals(List.of("a", "b"), read(tail));
        send(producer, topic, true, "c");
        assertEquals(List.of("c"), read(tail), "only what was committed since the last refresh");
        assertEquals(List.of(), read(tail));
      } finally {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, boolean commit, String... values) {
    producer.beginTransaction();
    for (int i = 0; i < values.length; i++) {
      producer.send(new ProducerRecord<>(topic, i % 2, null, values[i].getBytes(StandardCharsets.UTF_8)));
    }
    producer.flush(); // on the broker before the abort: otherwise the producer drops them unsent
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.abortTransaction();
    }
  }

  private static List<String> read(CommittedTail tail) {
    List<String> out = new ArrayList<>();
    tail.refresh(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
    out.sort(null);
    return out;
  }
}
