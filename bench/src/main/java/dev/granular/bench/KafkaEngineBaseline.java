package dev.granular.bench;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * P2's baseline: ClickHouse's own Kafka engine table plus a materialized view, consuming the same topic into a
 * table identical to {@code user_events}, under a consumer group of its own. ClickHouse 18.16's JSONEachRow
 * reads flat columns only, so the nested {@code properties} and {@code traits} objects are skipped and stored
 * empty: the baseline does less work per event than Granular, which keeps them.
 */
public final class KafkaEngineBaseline {
  /** @param problem why there is no figure (e.g. no Kafka engine in this build); null when measured */
  public record Result(RowWatch.Progress progress, String problem) {}

  static final String TARGET = "user_events_kafka_engine";
  private static final String SOURCE = "kafka_engine_source";
  private static final String VIEW = "kafka_engine_view";

  private KafkaEngineBaseline() {}

  public static Result run(BenchEnv env, long events, Duration timeout) throws Exception {
    try (ClickHouse ch = new ClickHouse(env.config().clickHouse())) {
      if (ch.scalarLong("SELECT count() FROM system.table_engines WHERE name = 'Kafka'") == 0) {
        return new Result(null, "this ClickHouse build has no Kafka table engine");
      }
      String topic = env.config().topics().userEvents();
      int blockSize = env.config().ingest().batchSize();
      String group = env.config().kafka().applicationId() + "-clickhouse-engine";
      env.ownsGroup(group);
      // The engine's librdkafka starts a new group at the log end; committing offset 0 first makes it read the
      // whole topic, as Granular (auto.offset.reset=earliest) does.
      commitFromStart(env.config().kafka().bootstrapServers(), topic, group);
      String ddl = ch.scalar("SHOW CREATE TABLE " + ch.table("user_events"));
      ch.execute(ddl.replaceFirst("user_events", TARGET).replaceFirst("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
      ch.execute("CREATE TABLE " + ch.table(SOURCE) + " (workspaceId String, type String, messageId String, userId String,"
          + " anonymousId String, event String, timestamp String) ENGINE = Kafka SETTINGS kafka_broker_list = "
          + Sql.string(env.config().kafka().bootstrapServers()) + ", kafka_topic_list = " + Sql.string(topic)
          + ", kafka_group_name = " + Sql.string(group) + ", kafka_format = 'JSONEachRow'"
          // Without a block size the engine writes only every stream_flush_interval_ms (7.5 s), so a run would
          // measure that interval; Granular's batch size makes both write blocks of the same size.
          + ", kafka_max_block_size = " + blockSize);
      try {
        ch.execute("CREATE MATERIALIZED VIEW " + ch.table(VIEW) + " TO " + ch.table(TARGET) + " AS SELECT"
            + " workspaceId AS workspace_id, messageId AS message_id, type, if(userId != '', userId, anonymousId) AS subject_id,"
            + " userId AS user_id, anonymousId AS anonymous_id, event, '' AS properties, '' AS traits,"
            + " toUInt64(toUnixTimestamp(parseDateTimeBestEffort(timestamp))) * 1000 AS event_time_ms,"
            + " toUInt64(now()) * 1000 AS processing_time_ms,"
            // 18.16 fails the push with "Expected column event_time" unless the view also yields the MATERIALIZED column.
            + " toDateTime(intDiv(event_time_ms, 1000)) AS event_time FROM " + ch.table(SOURCE));
        long start = GroupWatch.awaitStable(env.config().kafka().bootstrapServers(), group, Duration.ofMinutes(1), () -> { });
        RowWatch.Progress progress = RowWatch.until(start, () -> ch.scalarLong(IngestScenario.rows(ch, TARGET)),
            () -> ch.scalarLong(IngestScenario.distinctEvents(ch, TARGET)), events, timeout, IngestScenario.POLL, () -> { });
        return new Result(progress, progress.complete() ? null
            : "only " + progress.done() + " of " + events + " events after " + timeout.toSeconds() + " s");
      } finally {
        ch.execute("DROP TABLE IF EXISTS " + ch.table(VIEW));
        ch.execute("DROP TABLE IF EXISTS " + ch.table(SOURCE));
      }
    }
  }

  private static void commitFromStart(String bootstrap, String topic, String group) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
      }
      admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }
  }
}
