package dev.granular.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.client.StatementTags;
import dev.granular.sink.client.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** All of Granular's settings, read once and validated at start. */
public record AppConfig(
    KafkaSettings kafka,
    TopicNames topics,
    ClickHouseSettings clickHouse,
    RetrySettings clickHouseRetry,
    IngestSettings ingest,
    RetentionSettings retention,
    PlannerSettings planner,
    HttpSettings http,
    Duration metricsLogInterval,
    java.util.Optional<dev.granular.sink.cluster.ClusterLayout> cluster) {

  /** The defaults from config/application.conf with environment overrides, optionally under a user file. */
  public static AppConfig load(Path userFile) {
    return from(raw(userFile, Map.of()));
  }

  /** As {@link #load}, with explicit overrides on top (tests, CLI flags). Keys are full paths. */
  public static AppConfig load(Path userFile, Map<String, ?> overrides) {
    return from(raw(userFile, overrides));
  }

  static Config raw(Path userFile, Map<String, ?> overrides) {
    try {
      Config defaults = ConfigFactory.parseResources("application.conf", ConfigParseOptions.defaults().setAllowMissing(false));
      Config merged = defaults;
      if (userFile != null) {
        if (!Files.isReadable(userFile)) {
          throw new InvalidConfigException("config file not readable: " + userFile);
        }
        merged = ConfigFactory.parseFile(userFile.toFile()).withFallback(merged);
      }
      return ConfigFactory.parseMap(overrides).withFallback(merged).resolve();
    } catch (ConfigException e) {
      throw new InvalidConfigException("cannot read configuration: " + e.getMessage());
    }
  }

  static AppConfig from(Config config) {
    SettingsReader r = new SettingsReader(config);
    String p = "granular.";
    KafkaSettings kafka = new KafkaSettings(
        r.bootstrapServers(p + "kafka.bootstrap-servers"),
        r.nonBlank(p + "kafka.application-id"),
        r.intIn(p + "kafka.num-stream-threads", 1, 64),
        r.duration(p + "kafka.commit-interval", Duration.ofMillis(100)),
        r.nonBlank(p + "kafka.state-dir"),
        r.intIn(p + "kafka.partitions", 1, 10_000),
        (short) r.intIn(p + "kafka.replication-factor", 1, 32),
        r.intIn(p + "kafka.standby-replicas", 0, 8),
        r.oneOf(p + "kafka.processing-guarantee", KafkaSettings.GUARANTEES),
        r.duration(p + "kafka.transaction-timeout", Duration.ofSeconds(1)));
    TopicNames topics = new TopicNames(
        r.nonBlank(p + "topics.user-events"),
        r.nonBlank(p + "topics.user-events-dlq"),
        r.nonBlank(p + "topics.ingest-progress"),
        r.nonBlank(p + "topics.definitions"),
        r.nonBlank(p + "topics.definitions-dlq"),
        r.nonBlank(p + "topics.workspace-ticks"),
        r.nonBlank(p + "topics.compute-tasks"),
        r.nonBlank(p + "topics.compute-tasks-priority"),
        r.nonBlank(p + "topics.compute-task-results"),
        r.nonBlank(p + "topics.compute-tasks-dlq"),
        r.nonBlank(p + "topics.assignments"),
        r.nonBlank(p + "topics.backfills"),
        r.nonBlank(p + "topics.workspace-definitions"));
    ClickHouseSettings clickHouse = new ClickHouseSettings(
        r.httpUrl(p + "clickhouse.url"),
        r.nonBlank(p + "clickhouse.user"),
        r.string(p + "clickhouse.password"),
        r.identifier(p + "clickhouse.database"),
        r.duration(p + "clickhouse.max-execution-time", Duration.ZERO),
        r.duration(p + "clickhouse.socket-timeout", Duration.ofSeconds(1)), StatementTags.NONE,
        r.bytes(p + "clickhouse.max-memory-usage", 0));
    RetrySettings clickHouseRetry = new RetrySettings(
        r.duration(p + "clickhouse.retry.initial-backoff", Duration.ofMillis(1)),
        r.duration(p + "clickhouse.retry.max-backoff", Duration.ofMillis(1)),
        r.duration(p + "clickhouse.retry.max-elapsed", Duration.ZERO));
    if (clickHouseRetry.maxBackoff().compareTo(clickHouseRetry.initialBackoff()) < 0) {
      throw new InvalidConfigException("invalid setting granular.clickhouse.retry.max-backoff: expected at least"
          + " granular.clickhouse.retry.initial-backoff (" + clickHouseRetry.initialBackoff() + "), got " + clickHouseRetry.maxBackoff());
    }
    IngestSettings ingest = new IngestSettings(
        r.intIn(p + "ingest.stream-threads", 1, 64),
        r.intIn(p + "ingest.batch-size", 1, 2_000_000),
        r.duration(p + "ingest.flush-interval", Duration.ofMillis(10)),
        r.intIn(p + "ingest.max-payload-bytes", 256, 64 * 1024 * 1024),
        r.intIn(p + "ingest.max-field-length", 16, 1_000_000),
        r.duration(p + "ingest.retry.initial-backoff", Duration.ofMillis(1)),
        r.duration(p + "ingest.retry.max-backoff", Duration.ofMillis(1)),
        r.duration(p + "ingest.retry.max-elapsed", Duration.ZERO));
    if (ingest.retryMaxBackoff().compareTo(ingest.retryInitialBackoff()) < 0) {
      throw new InvalidConfigException("invalid setting granular.ingest.retry.max-backoff: expected at least"
          + " granular.ingest.retry.initial-backoff (" + ingest.retryInitialBackoff() + "), got " + ingest.retryMaxBackoff());
    }
    if (ingest.retryMaxElapsed().compareTo(Duration.ofMinutes(4)) > 0) {
      throw new InvalidConfigException("invalid setting granular.ingest.retry.max-elapsed: expected at most 4m,"
          + " below Kafka's max.poll.interval.ms of 5m, got " + ingest.retryMaxElapsed());
    }
    RetentionSettings retention = new RetentionSettings(
        r.intIn(p + "retention.days", 1, 3650),
        r.duration(p + "retention.check-interval", Duration.ofSeconds(1)));
    PlannerSettings planner = new PlannerSettings(
        r.longIn(p + "planner.threshold", 0, Long.MAX_VALUE / 4),
        r.intIn(p + "planner.max-parts", 1, 100_000),
        r.duration(p + "planner.scheduler-interval", Duration.ZERO),
        r.intIn(p + "tasks.max-attempts", 1, 1000),
        r.duration(p + "tasks.retry-initial-backoff", Duration.ofMillis(1)),
        r.duration(p + "tasks.retry-max-backoff", Duration.ofMillis(1)),
        r.duration(p + "tasks.timeout", Duration.ofSeconds(1)),
        r.intIn(p + "sink.concurrency-per-partition", 1, 256),
        r.intIn(p + "sink.max-batch", 1, 256));
    HttpSettings http = new HttpSettings(r.nonBlank(p + "http.bind"), r.intIn(p + "http.port", 0, 65_535),
        r.string(p + "http.advertised-host"));
    return new AppConfig(kafka, topics, clickHouse, clickHouseRetry, ingest, retention, planner, http,
        r.duration(p + "metrics.log-interval", Duration.ZERO), cluster(r, p + "clickhouse."));
  }

  /** Cluster mode: on when {@code cluster} names the remote_servers cluster; then {@code shards} lists its replicas. */
  private static java.util.Optional<dev.granular.sink.cluster.ClusterLayout> cluster(SettingsReader r, String p) {
    String name = r.string(p + "cluster");
    var shards = r.shards(p + "shards");
    if (name.isBlank() != shards.isEmpty()) {
      throw new InvalidConfigException("invalid settings " + p + "cluster and " + p + "shards: set both (cluster mode) or"
          + " neither (one server), got cluster \"" + name + "\" and " + shards.size() + " shard(s)");
    }
    if (name.isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new dev.granular.sink.cluster.ClusterLayout(r.identifier(p + "cluster"), shards));
  }

  public record KafkaSettings(String bootstrapServers, String applicationId, int numStreamThreads,
      Duration commitInterval, String stateDir, int partitions, short replicationFactor, int standbyReplicas,
      String processingGuarantee, Duration transactionTimeout) {
    /** Kafka Streams' names: exactly-once (v2, the default) or at-least-once. */
    public static final java.util.List<String> GUARANTEES = java.util.List.of("exactly_once_v2", "at_least_once");

    public boolean exactlyOnce() {
      return processingGuarantee.equals("exactly_once_v2");
    }
  }

  public record TopicNames(String userEvents, String userEventsDlq, String ingestProgress, String definitions,
      String definitionsDlq, String workspaceTicks, String computeTasks, String computeTasksPriority,
      String computeTaskResults, String computeTasksDlq, String assignments, String backfills, String workspaceDefinitions) {}

  /**
   * @param port 0 picks a free port (tests)
   * @param advertisedHost the host other instances reach this one at (Kafka Streams' application.server); blank: the bind address
   */
  public record HttpSettings(String bind, int port, String advertisedHost) {}

  /**
   * @param threshold T, in events x properties
   * @param schedulerInterval zero turns the built-in scheduler off
   */
  public record PlannerSettings(long threshold, int maxParts, Duration schedulerInterval, int maxAttempts,
      Duration retryInitialBackoff, Duration retryMaxBackoff, Duration taskTimeout, int sinkConcurrencyPerPartition,
      int sinkMaxBatch) {}

  /** @param streamThreads the ingest client's threads (it runs apart from the planner and sink: StreamsRole) */
  public record IngestSettings(int streamThreads, int batchSize, Duration flushInterval, int maxPayloadBytes, int maxFieldLength,
      Duration retryInitialBackoff, Duration retryMaxBackoff, Duration retryMaxElapsed) {}

  public record RetentionSettings(int days, Duration checkInterval) {}

  /** Exponential backoff for one ClickHouse statement, within a time budget ({@link RetryPolicy}). */
  public record RetrySettings(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
    /** The defaults of {@code granular.clickhouse.retry} in config/application.conf. */
    public static final RetrySettings STATEMENT_DEFAULTS = new RetrySettings(Duration.ofMillis(200), Duration.ofSeconds(2),
        Duration.ofSeconds(10));

    public RetryPolicy policy() {
      return new RetryPolicy(initialBackoff, maxBackoff, maxElapsed);
    }
  }
}
