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
