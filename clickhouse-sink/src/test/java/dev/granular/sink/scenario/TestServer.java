package dev.granular.sink.scenario;

import dev.granular.sink.client.ClickHouseSettings;
import java.time.Duration;

/** The real ClickHouse the integration tests use. */
public final class TestServer {
  public static final String URL = System.getProperty("it.clickhouse.url", "http://127.0.0.1:8123");

  private TestServer() {
  }

  /** Settings for the server; the database is replaced by each scratch database. */
  public static ClickHouseSettings settings() {
    return new ClickHouseSettings(URL, "default", "", "default", Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  public static ScratchDatabase scratch(String prefix) {
    return ScratchDatabase.create(settings(), prefix);
  }
}
