package dev.granular.sink.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The state-leaf tables (LEAVES.md): one AggregatingMergeTree per aggregate family, because each leaf kind
 * uses exactly one family, so no row carries empty states and a reader scans only its family. Java computes
 * plain input rows and inserts them into a Null table whose materialized view applies the -State function
 * (18.16 has no input() table function to do it in one INSERT ... SELECT).
 */
final class LeafStateSchema {
  private LeafStateSchema() {}

  static List<String> statements() {
    List<String> statements = new ArrayList<>();
    // latest = max((event_time_ms, message_id, value_text, value_json, value_time_ms)): the order key is the
    // tuple's prefix, so this is argMax by (event time, messageId) that also returns the key, and ties on the
    // key (identical re-sends) still resolve the same way on every server.
    family(statements, "leaf_latest",
        "latest AggregateFunction(max, Tuple(UInt64, String, String, String, Int64))",
        "event_time_ms UInt64, message_id String, value_text String, value_json String, value_time_ms Int64",
        "maxState((event_time_ms, message_id, value_text, value_json, value_time_ms)) AS latest", "");
    // bucket = event time for windowed counts (a message has one event time, so per-bucket distinct counts
    // add up exactly), 0 otherwise.
    family(statements, "leaf_counts", "messages AggregateFunction(uniqExact, String)",
        "bucket UInt64, message_id String", "uniqExactState(message_id) AS messages", "bucket");
    family(statements, "leaf_history",
        "entries AggregateFunction(groupUniqArray, Tuple(UInt64, String, String))",
        "event_time_ms UInt64, message_id String, payload String",
        "groupUniqArrayState((event_time_ms, message_id, payload)) AS entries", "");
    return statements;
  }

  /**
   * {@code leaf_times}: which users have a time (a windowed count's event-time bucket, a trait's value time, a
   * history entry's time) in a range, keyed so that the range is read, not the leaf's every user. Time-dependent
   * resolution asks exactly that each tick, and the states, keyed by user first, made it read all of a leaf's users
   * (P6: the costliest statements; P3: a tick's reads grew with the history). Fed from the same input rows as the
   * states by views, created before the backfill from the states, so no row is missed (a repeat folds away).
   * A trait's value times are indexed all, not only the latest: resolution takes the users found as candidates
   * and decides them exactly, so a superset is correct.
   */
  static List<String> timeIndex() {
    String noTime = String.valueOf(Long.MIN_VALUE + 1); // LeafInputRows.NO_TIME is MIN_VALUE: no time at all
    return List.of(
        "CREATE TABLE IF NOT EXISTS {db}.leaf_times (workspace_id String, leaf_id UInt32, time_ms Int64, user_id String)"
            + " ENGINE = ReplacingMergeTree() ORDER BY (workspace_id, leaf_id, time_ms, user_id)"
            // Reads are narrow ranges, one per leaf and workspace: a smaller granule reads fewer rows around each.
            + " SETTINGS index_granularity = 1024",
        "CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.leaf_times_counts_mv TO {db}.leaf_times AS SELECT workspace_id,"
            + " leaf_id, toInt64(bucket) AS time_ms, user_id FROM {db}.leaf_counts_input WHERE bucket > 0",
        "CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.leaf_times_latest_mv TO {db}.leaf_times AS SELECT workspace_id,"
            + " leaf_id, value_time_ms AS time_ms, user_id FROM {db}.leaf_latest_input WHERE value_time_ms >= " + noTime,
        "CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.leaf_times_history_mv TO {db}.leaf_times AS SELECT workspace_id,"
            + " leaf_id, toInt64(event_time_ms) AS time_ms, user_id FROM {db}.leaf_history_input",
        "INSERT INTO {db}.leaf_times SELECT workspace_id, leaf_id, toInt64(bucket), user_id FROM {db}.leaf_counts"
            + " WHERE bucket > 0 GROUP BY workspace_id, leaf_id, bucket, user_id",
        "INSERT INTO {db}.leaf_times SELECT workspace_id, leaf_id, t, user_id FROM (SELECT workspace_id, leaf_id, user_id,"
            + " tupleElement(maxMerge(latest), 5) AS t FROM {db}.leaf_latest GROUP BY workspace_id, leaf_id, user_id)"
            + " WHERE t >= " + noTime,
        "INSERT INTO {db}.leaf_times SELECT workspace_id, leaf_id, toInt64(tupleElement(e, 1)), user_id FROM (SELECT"
            + " workspace_id, leaf_id, user_id, groupUniqArrayMerge(entries) AS es FROM {db}.leaf_history"
            + " GROUP BY workspace_id, leaf_id, user_id) ARRAY JOIN es AS e");
  }

  private static void family(List<String> out, String table, String state, String inputColumns, String aggregate,
      String extraKey) {
    String key = "workspace_id, leaf_id, user_id" + (extraKey.isEmpty() ? "" : ", " + extraKey);
    out.add("CREATE TABLE IF NOT EXISTS {db}." + table + " (workspace_id String, leaf_id UInt32, user_id String"
        + (extraKey.isEmpty() ? "" : ", " + extraKey + " UInt64") + ", " + state
        + ") ENGINE = AggregatingMergeTree() ORDER BY (" + key + ")");
    out.add("CREATE TABLE IF NOT EXISTS {db}." + table + "_input (workspace_id String, leaf_id UInt32, user_id String, "
        + inputColumns + ") ENGINE = Null");
    out.add("CREATE MATERIALIZED VIEW IF NOT EXISTS {db}." + table + "_mv TO {db}." + table + " AS SELECT " + key
        + ", " + aggregate + " FROM {db}." + table + "_input GROUP BY " + key);
  }
}
