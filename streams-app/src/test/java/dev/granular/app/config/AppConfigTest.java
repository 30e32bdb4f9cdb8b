package dev.granular.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @Test
  void defaultsMatchTheDocumentedAddresses() {
    AppConfig c = AppConfig.load(null, Map.of());
    assertEquals("127.0.0.1:9092", c.kafka().bootstrapServers());
    assertEquals("http://127.0.0.1:8123", c.clickHouse().url());
    assertEquals(10_000, c.ingest().batchSize());
    assertEquals(2, c.kafka().numStreamThreads());
    assertEquals(14, c.retention().days());
    assertEquals("user-events", c.topics().userEvents());
  }

  @Test
  void clusterModeIsOffByDefaultAndTakesItsShardsAsAListOfListsOrAString(@TempDir Path dir) throws IOException {
    assertTrue(AppConfig.load(null, Map.of()).cluster().isEmpty());
    Path file = dir.resolve("cluster.conf");
    Files.writeString(file, "granular.clickhouse.cluster = granular\ngranular.clickhouse.shards = [[\"http://127.0.0.1:8131\","
        + " \"http://127.0.0.1:8132\"], [\"http://127.0.0.1:8133\"]]\n");
    var fromFile = AppConfig.load(file).cluster().orElseThrow();
    assertEquals(List.of(List.of("http://127.0.0.1:8131", "http://127.0.0.1:8132"), List.of("http://127.0.0.1:8133")), fromFile.shards());
    var fromEnvForm = AppConfig.load(null, Map.of("granular.clickhouse.cluster", "granular",
        "granular.clickhouse.shards", "http://127.0.0.1:8131, http://127.0.0.1:8132;http://127.0.0.1:8133")).cluster().orElseThrow();
    assertEquals(fromFile, fromEnvForm);
  }

  @Test
  void theAppRefusesClusterModeUntilItComputesPerShard() {
    AppConfig cluster = AppConfig.load(null, Map.of("granular.clickhouse.cluster", "granular",
        "granular.clickhouse.shards", "http://127.0.0.1:8131"));
    var e = assertThrows(InvalidConfigException.class, () -> new dev.granular.app.GranularApp(cluster));
    assertTrue(e.getMessage().contains("only `migrate` runs on a cluster"), e.getMessage());
  }

  @Test
  void aHalfConfiguredOrHostileClusterFailsFastNamingTheKeys() {
    var half = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.clickhouse.cluster", "granular")));
    assertTrue(half.getMessage().contains("granular.clickhouse.shards"), half.getMessage());
    var badUrl = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.clickhouse.cluster", "granular",
        "granular.clickhouse.shards", "http://127.0.0.1:8131;ftp://x")));
    assertTrue(badUrl.getMessage().contains("granular.clickhouse.shards"), badUrl.getMessage());
    var hostile = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.clickhouse.cluster",
        "c' ON CLUSTER x; DROP DATABASE y; --", "granular.clickhouse.shards", "http://127.0.0.1:8131")));
    assertTrue(hostile.getMessage().contains("granular.clickhouse.cluster"), hostile.getMessage());
  }

  @Test
  void aUserFileOverridesDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("granular.conf");
    Files.writeString(file, "granular.ingest.batch-size = 50000\ngranular.ingest.flush-interval = 250ms\n");
    AppConfig c = AppConfig.load(file);
    assertEquals(50_000, c.ingest().batchSize());
    assertEquals(Duration.ofMillis(250), c.ingest().flushInterval());
  }

  @Test
  void aWrongValueFailsFastNamingTheKeyAndWhatWasExpected() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> AppConfig.load(null, Map.of("granular.ingest.batch-size", 2_000_001)));
    assertTrue(e.getMessage().contains("granular.ingest.batch-size"), e.getMessage());
    assertTrue(e.getMessage().contains("1 to 2000000"), e.getMessage());

    e = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.ingest.flush-interval", "soon")));
    assertTrue(e.getMessage().contains("granular.ingest.flush-interval") && e.getMessage().contains("duration"), e.getMessage());

    e = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.clickhouse.url", "127.0.0.1:8123")));
    assertTrue(e.getMessage().contains("granular.clickhouse.url") && e.getMessage().contains("http"), e.getMessage());

    e = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.kafka.bootstrap-servers", "localhost")));
    assertTrue(e.getMessage().contains("host:port"), e.getMessage());

    e = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null, Map.of("granular.clickhouse.database", "x;drop")));
    assertTrue(e.getMessage().contains("granular.clickhouse.database"), e.getMessage());
  }

  @Test
  void environmentVariablesAreWiredForTheRequiredNames() throws IOException {
    String conf = new String(AppConfig.class.getResourceAsStream("/application.conf").readAllBytes());
    for (String env : new String[] {"KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_URL", "CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD"}) {
      assertTrue(conf.contains("${?" + env + "}"), env + " must override a setting");
    }
  }

  @Test
  void statementRetriesAreConfigurableAndDefaultAsDocumented() throws IOException {
    assertEquals(AppConfig.RetrySettings.STATEMENT_DEFAULTS, AppConfig.load(null, Map.of()).clickHouseRetry());
    AppConfig c = AppConfig.load(null, Map.of("granular.clickhouse.retry.initial-backoff", "50ms",
        "granular.clickhouse.retry.max-backoff", "1s", "granular.clickhouse.retry.max-elapsed", "30s"));
    assertEquals(new AppConfig.RetrySettings(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30)), c.clickHouseRetry());
    assertEquals(Duration.ofSeconds(30), c.clickHouseRetry().policy().maxElapsed());

    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> AppConfig.load(null,
        Map.of("granular.clickhouse.retry.initial-backoff", "5s", "granular.clickhouse.retry.max-backoff", "1s")));
    assertTrue(e.getMessage().contains("granular.clickhouse.retry.max-backoff"), e.getMessage());

    String conf = new String(AppConfig.class.getResourceAsStream("/application.conf").readAllBytes());
    for (String env : new String[] {"CLICKHOUSE_RETRY_INITIAL_BACKOFF", "CLICKHOUSE_RETRY_MAX_BACKOFF", "CLICKHOUSE_RETRY_MAX_ELAPSED"}) {
      assertTrue(conf.contains("${?" + env + "}"), env + " must override a setting");
    }
  }

  @Test
  void theStatementMemoryLimitIsASizeAndOffByDefault() {
    assertEquals(0, AppConfig.load(null, Map.of()).clickHouse().maxMemoryUsage(), "the server's profile decides");
    assertEquals(2L << 30, AppConfig.load(null, Map.of("granular.clickhouse.max-memory-usage", "2G")).clickHouse().maxMemoryUsage());
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> AppConfig.load(null, Map.of("granular.clickhouse.max-memory-usage", "lots")));
    assertTrue(e.getMessage().contains("granular.clickhouse.max-memory-usage"), e.getMessage());
  }

  @Test
  void aMissingUserFileIsAClearError() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> AppConfig.load(Path.of("/nonexistent/g.conf")));
    assertTrue(e.getMessage().contains("/nonexistent/g.conf"));
  }
}
