package dev.granular.bench.chaos;

import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.topology.Stores;
import dev.granular.avro.PlannerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The planner's state per workspace, followed on its changelog (read_committed): each {@link #refresh()} reads
 * only what was written since the last, where a fresh scan re-read the whole changelog every poll, taking CPU
 * from the run being measured just as it catches up.
 */
final class PlannerFollower implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final Map<String, byte[]> latest = new HashMap<>();
  private final AvroSerde<PlannerState> serde = new AvroSerde<>(PlannerState.class);
  private final String topic;

  PlannerFollower(AppConfig config) {
    this.topic = Stores.changelogTopic(config.kafka().applicationId(), Stores.PLANNER_STATE);
    this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads up to the changelog's current end (the last committed transaction). */
  void refresh() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        String key = new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
          latest.remove(key);
        } else {
          latest.put(key, r.value());
        }
      }
    }
  }

  /** The workspace's state as of the last refresh, or null. */
  PlannerState state(String workspace) {
    byte[] value = latest.get(workspace);
    return value == null ? null : serde.deserializer().deserialize(topic, value);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
