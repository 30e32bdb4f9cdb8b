package dev.granular.sink.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach ClickHouse.
 *
 * @param maxExecutionTime per-statement limit sent as {@code max_execution_time}; zero means none
 */
public record ClickHouseSettings(
    String url, String user, String password, String database, Duration maxExecutionTime, Duration socketTimeout) {

  public ClickHouseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(maxExecutionTime, "maxExecutionTime");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
  }

  public ClickHouseSettings withDatabase(String otherDatabase) {
    return new ClickHouseSettings(url, user, password, otherDatabase, maxExecutionTime, socketTimeout);
  }
}
