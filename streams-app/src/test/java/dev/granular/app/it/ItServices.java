package dev.granular.app.it;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.app.topology.Topics;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.migrate.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The real services for integration tests: the broker and ClickHouse that `make services-up` started on
 * loopback. Each test gets its own topics, consumer group and database, so tests never see each other.
 */
public final class ItServices {
  public static final String BOOTSTRAP = System.getProperty("it.kafka.bootstrap", "127.0.0.1:9092");
  public static final String CLICKHOUSE = System.getProperty("it.clickhouse.url", "http://127.0.0.1:8123");

  private ItServices() {}

  /** A config isolated by a fresh suffix, with {@code extra} settings on top. */
  public static AppConfig isolatedConfig(Map<String, ?> extra) {
    return AppConfig.load(null, isolatedSettings(extra));
  }

  /** The settings behind {@link #isolatedConfig}, e.g. to hand to a separate app process as a file. */
  public static Map<String, Object> isolatedSettings(Map<String, ?> extra) {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Map<String, Object> o = new HashMap<>();
    o.put("granular.kafka.bootstrap-servers", BOOTSTRAP);
    // Not "granular-...": Kafka's StreamsResetter treats topics prefixed "<application.id>-" as internal, so a
    // test id starting with the default id would have its topics deleted by a reset of the default application.
    o.put("granular.kafka.application-id", "it-" + id);
    o.put("granular.kafka.commit-interval", "1s");
    try {
      o.put("granular.kafka.state-dir", Files.createTempDirectory("granular-it-").toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    o.put("granular.kafka.partitions", 3);
    o.put("granular.topics.user-events", "it-user-events-" + id);
    o.put("granular.topics.user-events-dlq", "it-user-events-dlq-" + id);
    for (String topic : new String[] {"ingest-progress", "definitions", "definitions-dlq", "workspace-ticks", "compute-tasks",
        "compute-tasks-priority", "compute-task-results", "compute-tasks-dlq", "assignments", "backfills", "workspace-definitions"}) {
      o.put("granular.topics." + topic, "it-" + topic + "-" + id);
    }
    o.put("granular.clickhouse.url", CLICKHOUSE);
    o.put("granular.clickhouse.database", "granular_it_" + id);
    o.put("granular.metrics.log-interval", "0s");
    o.put("granular.http.port", 0); // a free port: tests run side by side
    o.putAll(extra);
    return o;
  }

  /** What `granular migrate` does. */
  public static void migrate(AppConfig config) {
    try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
      new Migrator(ch).migrate();
    }
    try (TopicAdmin admin = new TopicAdmin(config.kafka().bootstrapServers())) {
      admin.ensure(new Topics(config.topics()).external(), config.kafka().partitions(), config.kafka().replicationFactor());
    }
  }

  public static void cleanup(AppConfig config) {
    try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
      new Migrator(ch).dropDatabase();
    } catch (RuntimeException e) {
      // best effort: a test that stopped ClickHouse may leave it to the next run
    }
    // Kafka Streams' internal topics too, by exact name: left behind, hundreds of them slowed the shared broker.
    List<String> topics = new java.util.ArrayList<>(new Topics(config.topics()).external().stream().map(Topics.Topic::name).toList());
    topics.addAll(dev.granular.app.lifecycle.ApplicationTopics.of(config).internal());
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
      java.util.Set<String> existing = admin.listTopics().names().get();
      admin.deleteTopics(topics.stream().filter(existing::contains).toList()).all().get();
    } catch (Exception e) {
      // best effort
    }
    deleteRecursively(Path.of(config.kafka().stateDir()));
  }

  public static KafkaProducer<byte[], byte[]> producer() {
    // Not idempotent: right after topic creation the single-node broker has wedged an idempotent producer in
    // endless OUT_OF_ORDER_SEQUENCE_NUMBER retries; the pipeline is built to tolerate duplicate records anyway.
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
        ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      PathUtils.deleteDirectory(dir);
    } catch (IOException e) {
      // temp files; leave them
    }
  }
}
