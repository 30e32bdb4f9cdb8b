package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams settings derived from {@link AppConfig}. */
public final class StreamsProperties {
  private StreamsProperties() {}

  public static Properties from(AppConfig config) {
    AppConfig.KafkaSettings kafka = config.kafka();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.numStreamThreads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitInterval().toMillis());
    p.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    // A warm copy of each task's stores on another instance: a killed instance's tasks fail over without a full
    // restore from the changelogs. With one instance there is nowhere to put it, and Kafka Streams just skips it.
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, kafka.standbyReplicas());
    // Either way offsets are committed only after every store flush, and the stores' flushes are the ClickHouse
    // inserts and the running compute tasks. Exactly-once adds that the change records and task results are
    // written in the same transaction as those offsets, so a crash never repeats one to read_committed readers.
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, kafka.processingGuarantee());
    if (kafka.exactlyOnce()) {
      p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) kafka.transactionTimeout().toMillis());
    }
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // A stream thread that died (e.g. ClickHouse down past the retry budget) does not leave the group; its
    // replacement gets the tasks only once the session expires, so keep the session short.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
    // A stopped instance leaves the group at once instead of lingering for a session timeout, so `backfill` and
    // `reset` (which refuse while members are alive) can run right after a stop. Kafka Streams turns this off by
    // default to avoid rebalances on bounces; a rebalance when an instance stops on purpose is what we want.
    p.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
    // An oversized input (up to the input topics' 16 MB) goes to its dead-letter topic with its original bytes.
    // Fetch sizes stay at their defaults: a consumer returns a partition's first batch even when it is larger than
    // max.partition.fetch.bytes (KIP-74), and raising that would reserve more heap per partition on every fetch.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_DEAD_LETTER_BYTES);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    return p;
  }
}
