package dev.granular.sink.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach ClickHouse.
 *
 * @param maxExecutionTime per-statement limit sent as {@code max_execution_time}; zero means none
 * @param tags             what to attach to every statement (query ids, server settings); {@link StatementTags#NONE}
 *                         unless a caller such as a benchmark needs to find its statements in the query log
 */
public record ClickHouseSettings(String url, String user, String password, String database, Duration maxExecutionTime,
    Duration socketTimeout, StatementTags tags) {

  /** Untagged, as the app connects. */
  public ClickHouseSettings(
      String url, String user, String password, String database, Duration maxExecutionTime, Duration socketTimeout) {
    this(url, user, password, database, maxExecutionTime, socketTimeout, StatementTags.NONE);
  }

  public ClickHouseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(maxExecutionTime, "maxExecutionTime");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    Objects.requireNonNull(tags, "tags");
  }

  public ClickHouseSettings withDatabase(String otherDatabase) {
    return new ClickHouseSettings(url, user, password, otherDatabase, maxExecutionTime, socketTimeout, tags);
  }

  public ClickHouseSettings withTags(StatementTags otherTags) {
    return new ClickHouseSettings(url, user, password, database, maxExecutionTime, socketTimeout, otherTags);
  }
}
