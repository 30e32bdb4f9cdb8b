package dev.granular.app.it;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a consumer group's commit passed over, as a read_committed reader sees it. Under exactly-once a commit
 * may move past records no reader ever sees (aborted writes of a thread that gave up, transaction markers); only
 * visible records count as processed.
 */
final class VisibleRecords {
  private VisibleRecords() {}

  /** Visible records at offsets from {@code from} (0 where absent) up to {@code to}, per partition, summed. */
  static long between(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.BOOTSTRAP,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(to.keySet());
      to.keySet().forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
      long visible = 0;
      long deadline = System.currentTimeMillis() + 30_000;
      while (to.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("could not read up to " + to);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          visible += r.offset() < to.get(new TopicPartition(r.topic(), r.partition())) ? 1 : 0;
        }
      }
      return visible;
    }
  }
}
