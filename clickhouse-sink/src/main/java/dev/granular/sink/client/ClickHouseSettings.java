package dev.granular.sink.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach ClickHouse.
 *
 * @param maxExecutionTime per-statement limit sent as {@code max_execution_time}; zero means none
 * @param maxMemoryUsage   per-statement memory limit in bytes, sent as {@code max_memory_usage}; zero leaves the
 *                         server's profile in charge
 * @param tags             what to attach to every statement (query ids, server settings); {@link StatementTags#NONE}
 *                         unless a caller such as a benchmark needs to find its statements in the query log
 */
public record ClickHouseSettings(String url, String user, String password, String database, Duration maxExecutionTime,
    Duration socketTimeout, StatementTags tags, long maxMemoryUsage) {

  /** Untagged, without a memory limit of its own. */
  public ClickHouseSettings(
      String url, String user, String password, String database, Duration maxExecutionTime, Duration socketTimeout) {
    this(url, user, password, database, maxExecutionTime, socketTimeout, StatementTags.NONE);
  }

  /** Without a memory limit of its own: the server's profile decides. */
  public ClickHouseSettings(String url, String user, String password, String database, Duration maxExecutionTime,
      Duration socketTimeout, StatementTags tags) {
    this(url, user, password, database, maxExecutionTime, socketTimeout, tags, 0);
  }

  public ClickHouseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(maxExecutionTime, "maxExecutionTime");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    Objects.requireNonNull(tags, "tags");
    if (maxMemoryUsage < 0) {
      throw new IllegalArgumentException("maxMemoryUsage must be 0 (the server's) or more bytes, got " + maxMemoryUsage);
    }
  }

  public ClickHouseSettings withDatabase(String otherDatabase) {
    return new ClickHouseSettings(url, user, password, otherDatabase, maxExecutionTime, socketTimeout, tags, maxMemoryUsage);
  }

  /** The same settings for another server: another replica or shard of a cluster. */
  public ClickHouseSettings withUrl(String otherUrl) {
    return new ClickHouseSettings(otherUrl, user, password, database, maxExecutionTime, socketTimeout, tags, maxMemoryUsage);
  }

  public ClickHouseSettings withMaxMemoryUsage(long bytes) {
    return new ClickHouseSettings(url, user, password, database, maxExecutionTime, socketTimeout, tags, bytes);
  }

  public ClickHouseSettings withTags(StatementTags otherTags) {
    return new ClickHouseSettings(url, user, password, database, maxExecutionTime, socketTimeout, otherTags, maxMemoryUsage);
  }
}
