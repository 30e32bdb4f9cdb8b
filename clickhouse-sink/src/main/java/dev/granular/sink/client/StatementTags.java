package dev.granular.sink.client;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What to attach to every statement a {@link ClickHouse} sends, so that its statements can be found again in
 * {@code system.query_log}: a query id {@code <queryIdPrefix>-<n>}, n counting from 1 per client, and server
 * settings such as {@code log_queries=1}. {@link #NONE} (the product's) attaches nothing.
 *
 * @param queryIdPrefix   null: ClickHouse picks the ids; otherwise letters, digits and '-' only, so that
 *                        {@code query_id LIKE '<prefix>-%'} matches exactly this prefix's statements
 * @param serverSettings  sent with every statement, after and over the client's own (such as max_execution_time)
 */
public record StatementTags(String queryIdPrefix, Map<String, String> serverSettings) {
  public static final StatementTags NONE = new StatementTags(null, Map.of());
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9-]+");

  public StatementTags {
    if (queryIdPrefix != null && !PREFIX.matcher(queryIdPrefix).matches()) {
      throw new IllegalArgumentException("queryIdPrefix must be letters, digits and '-', got '" + queryIdPrefix + "'");
    }
    serverSettings = Map.copyOf(new TreeMap<>(Objects.requireNonNull(serverSettings, "serverSettings")));
  }

  /** Ids {@code <prefix>-<n>} and {@code log_queries=1}: what reading a run's statements from the query log needs. */
  public static StatementTags logged(String queryIdPrefix) {
    return new StatementTags(Objects.requireNonNull(queryIdPrefix, "queryIdPrefix"), Map.of("log_queries", "1"));
  }
}
