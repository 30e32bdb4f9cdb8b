package dev.granular.sink.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.Retention;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.migrate.Migrator;
import dev.granular.sink.sql.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway, migrations, writer and retention against the real ClickHouse server. */
class ClickHouseIT {
  static final String URL = System.getProperty("it.clickhouse.url", "http://127.0.0.1:8123");
  private ClickHouse clickHouse;

  @BeforeEach
  void open() {
    String db = "granular_sink_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    clickHouse = new ClickHouse(new ClickHouseSettings(URL, "default", "", db, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    new Migrator(clickHouse).migrate();
  }

  @AfterEach
  void close() {
    new Migrator(clickHouse).dropDatabase();
    clickHouse.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "it's", "back\\slash", "'); DROP DATABASE default; --", "tab\there", "new\nline",
      "nul\u0000byte", "ünïcødé ✓", "\\'", "%_like_%", "{\"json\": [1, \"two\"]}"})
  void hostileStringsRoundTripThroughLiterals(String hostile) {
    assertEquals(hostile, clickHouse.scalar("SELECT " + Sql.string(hostile)));
  }

  @Test
  void migrationsAreIdempotent() {
    assertEquals(List.of(), new Migrator(clickHouse).migrate(), "second run applies nothing");
    assertEquals(1, clickHouse.scalarLong("SELECT count() FROM system.tables WHERE database = "
        + Sql.string(clickHouse.database()) + " AND name = 'user_events'"));
  }

  @Test
  void writerStoresHostileEventsVerbatimAndRepeatedBatchesDoNotChangeDistinctCounts() {
    EventBatchWriter writer = new EventBatchWriter(clickHouse, new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO));
    String evil = "x'); DROP TABLE user_events; --\\ \t\n\"";
    List<StoredEvent> batch = List.of(
        new StoredEvent("w", evil, "track", evil, null, evil, "{\"k\":\"" + "v\\\"" + "\"}", null, 1_000, 2_000),
        new StoredEvent("w", "m2", "identify", null, "anon", null, null, "{\"plan\":\"pro\"}", 1_500, 2_000));
    writer.write(batch);
    writer.write(batch); // a retry after an unknown outcome
    String table = clickHouse.table("user_events");
    assertEquals(2, clickHouse.scalarLong("SELECT uniqExact(message_id) FROM " + table));
    assertEquals(evil, clickHouse.scalar("SELECT any(event) FROM " + table + " WHERE message_id = " + Sql.string(evil)));
    assertEquals("anon", clickHouse.scalar("SELECT subject_id FROM " + table + " WHERE message_id = 'm2' LIMIT 1"));
    assertEquals("pro", clickHouse.scalar("SELECT visitParamExtractString(traits, 'plan') FROM " + table + " WHERE message_id = 'm2' LIMIT 1"));
  }

  @Test
  void rowBinaryStoresEveryColumnVerbatim() {
    EventBatchWriter writer = new EventBatchWriter(clickHouse, new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO));
    String unicode = "caf\u00e9 \u65e5\u672c \uD83D\uDE00 '\\\t\n\u0000";
    String long127 = "a".repeat(127);  // the longest one-byte length
    String long128 = "b".repeat(128);  // the shortest two-byte length
    String long20k = "c".repeat(20_000) + unicode; // three bytes
    List<StoredEvent> batch = List.of(
        new StoredEvent(unicode, long127, "track", long128, null, long20k, "{\"k\":\"" + unicode.replace("\"", "") + "\"}", "{}",
            Long.MAX_VALUE - 7, 1L << 40),
        new StoredEvent("w", "m-empty", "identify", null, "", "", "{}", "{\"t\":1}", 0, 255));
    writer.write(batch);
    String table = clickHouse.table("user_events");
    for (StoredEvent e : batch) {
      String where = " WHERE workspace_id = " + Sql.string(e.workspaceId()) + " AND message_id = " + Sql.string(e.messageId())
          + " AND type = " + Sql.string(e.type()) + " AND subject_id = " + Sql.string(e.subjectId())
          + " AND user_id = " + Sql.string(e.userId() == null ? "" : e.userId())
          + " AND anonymous_id = " + Sql.string(e.anonymousId() == null ? "" : e.anonymousId())
          + " AND event = " + Sql.string(e.event() == null ? "" : e.event())
          + " AND properties = " + Sql.string(e.propertiesJson()) + " AND traits = " + Sql.string(e.traitsJson())
          + " AND event_time_ms = " + Long.toUnsignedString(e.eventTimeMs()) + " AND processing_time_ms = " + e.processingTimeMs();
      assertEquals(1, clickHouse.scalarLong("SELECT count() FROM " + table + where), "stored verbatim: " + e.messageId().length());
    }
    assertEquals(2, clickHouse.scalarLong("SELECT count() FROM " + table));
  }

  @Test
  void retentionDropsOnlyDailyPartitionsOlderThanTheSetting() {
    EventBatchWriter writer = new EventBatchWriter(clickHouse, new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO));
    long now = Instant.parse("2025-03-20T12:00:00Z").toEpochMilli();
    long day = 86_400_000L;
    writer.write(List.of(
        new StoredEvent("w", "old", "track", "u", null, "e", null, null, now - 20 * day, now - 20 * day),
        new StoredEvent("w", "edge", "track", "u", null, "e", null, null, now - 13 * day, now - 13 * day),
        new StoredEvent("w", "new", "track", "u", null, "e", null, null, now, now)));
    List<String> dropped = new Retention(clickHouse, 14).dropExpired(now);
    assertEquals(List.of("20250228"), dropped);
    List<String> left = clickHouse.rows("SELECT message_id FROM " + clickHouse.table("user_events") + " ORDER BY message_id")
        .stream().map(r -> r[0]).toList();
    assertEquals(List.of("edge", "new"), left);
  }

  @Test
  void aWrongStatementIsNotRetriedButAnUnreachableServerIs() {
    ClickHouseException wrong = assertThrows(ClickHouseException.class, () -> clickHouse.execute("SELEC 1"));
    assertFalse(wrong.retriable());
    try (ClickHouse nowhere = new ClickHouse(new ClickHouseSettings("http://127.0.0.1:1", "default", "", "x",
        Duration.ZERO, Duration.ofSeconds(2)))) {
      ClickHouseException down = assertThrows(ClickHouseException.class, () -> nowhere.scalar("SELECT 1"));
      assertTrue(down.retriable(), down.getMessage());
    }
  }

  /**
   * The limit is sent with every statement. (Which error the client reports depends on the server: 18.16 sends no
   * X-ClickHouse-Exception-Code header, so client-v2 reads its errors as code 0, "unreadable"; newer servers'
   * code 241 is classified by {@code ServerErrors} and {@code FailureCause}.)
   */
  @Test
  void theMemoryLimitReachesTheServer() {
    String big = "SELECT length(groupArray(toString(number))) FROM numbers(2000000)";
    try (ClickHouse limited = new ClickHouse(clickHouse.settings().withMaxMemoryUsage(16L << 20))) {
      assertThrows(ClickHouseException.class, () -> limited.scalar(big), "over a 16 MiB limit");
      assertEquals("1", limited.scalar("SELECT 1"), "small statements still run");
    }
    assertEquals("2000000", clickHouse.scalar(big), "without the limit the same statement runs");
  }
}
