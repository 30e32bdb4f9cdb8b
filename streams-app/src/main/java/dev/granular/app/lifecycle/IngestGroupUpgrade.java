package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.Stores;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.app.topology.TopicScan;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before ingest ran as a client of its own ({@link StreamsRole#INGEST}), the application's one group committed the
 * input topic's offsets. On an instance's first start after the upgrade, the ingest group has none yet: it takes
 * the old group's, so no event is read twice or skipped, and the old group forgets them, so its lag stops showing
 * a topic it no longer reads. Ingest's clocks start again from wall time, which is later than any time they gave
 * before on this host; their changelog is copied first, so a partition that moves to a host whose clock is behind
 * still stamps later times than the watermarks already published (the planner never passes an unwritten event).
 *
 * <p>Upgrade by stopping every old instance first: an old one still running would go on reading the input with
 * the old group, and the broker refuses to forget the offsets of a topic a live member reads (that is logged).
 */
public final class IngestGroupUpgrade {
  private static final Logger log = LoggerFactory.getLogger(IngestGroupUpgrade.class);

  private IngestGroupUpgrade() {}

  /** Copies the offsets when the ingest group has none and the old group has some; returns how many partitions. */
  public static int run(AppConfig config) {
    String topic = config.topics().userEvents();
    try (Kafka kafka = new Kafka(config)) {
      ConsumerGroup ingest = kafka.group(StreamsRole.INGEST);
      ConsumerGroup old = kafka.group(StreamsRole.COMPUTE);
      Map<Integer, Long> previous = old.committed(topic);
      if (previous.isEmpty() || !ingest.committed(topic).isEmpty()) {
        return 0;
      }
      copyClocks(config, kafka);
      try {
        ingest.reset(topic, previous);
      } catch (LifecycleException e) {
        // Another instance started the ingest group first: it copied the same offsets, or committed its own.
        log.info("ingest group {} already started elsewhere: {}", StreamsRole.INGEST.applicationId(config), e.getMessage());
        return 0;
      }
      log.info("upgrade: ingest group {} takes the committed offsets of {} from group {}: {}",
          StreamsRole.INGEST.applicationId(config), topic, StreamsRole.COMPUTE.applicationId(config), previous);
      try {
        old.forget(topic, previous.keySet());
      } catch (LifecycleException e) {
        log.warn("group {} keeps its offsets of {} (is an instance of the old version still running?): {}",
            StreamsRole.COMPUTE.applicationId(config), topic, e.getMessage());
      }
      return previous.size();
    } catch (LifecycleException | org.apache.kafka.common.KafkaException e) {
      // Kafka unreachable: the streams clients will report that themselves; the upgrade is tried again next start.
      log.warn("could not check the ingest group's offsets: {}", e.getMessage());
      return 0;
    }
  }

  /**
   * The old client's ingest-clock changelog, record by record into the same partitions of the new one (created
   * compacted, as Kafka Streams would, which then restores the clocks from it). Repeating it after a crash only
   * writes the same keys again.
   */
  private static void copyClocks(AppConfig config, Kafka kafka) {
    String from = StreamsRole.COMPUTE.changelogTopic(config, Stores.INGEST_CLOCK);
    String to = StreamsRole.INGEST.changelogTopic(config, Stores.INGEST_CLOCK);
    if (!kafka.topicNames().contains(from)) {
      return;
    }
    try (TopicAdmin admin = new TopicAdmin(config.kafka().bootstrapServers())) {
      int partitions = admin.partitionCount(from).orElseThrow();
      if (admin.partitionCount(to).isEmpty()) {
        kafka.create(new NewTopic(to, partitions, config.kafka().replicationFactor())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      }
    }
    long[] copied = {0};
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
      TopicScan.scan(config.kafka().bootstrapServers(), from, r -> {
        producer.send(new ProducerRecord<>(to, r.partition(), r.timestamp(), r.key(), r.value()));
        copied[0]++;
      });
      producer.flush();
    }
    log.info("upgrade: copied {} ingest clock records from {} to {}", copied[0], from, to);
  }
}
