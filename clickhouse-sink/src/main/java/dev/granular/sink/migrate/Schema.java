package dev.granular.sink.migrate;

import java.util.List;

/**
 * The ClickHouse schema, as an ordered list of migrations. {@code {db}} stands for the database.
 *
 * <p>Only the dialect shared by ClickHouse 18.16 and current releases is used: no DateTime64, no TTL, no
 * JSON functions beyond visitParamExtract*; times are UInt64 milliseconds with a DateTime beside them.
 */
public final class Schema {
  private Schema() {}

  public static List<Migration> migrations() {
    return List.of(
        new Migration("0001_user_events", List.of("""
            CREATE TABLE IF NOT EXISTS {db}.user_events (
                workspace_id String,
                message_id String,
                type String,
                subject_id String,
                user_id String,
                anonymous_id String,
                event String,
                properties String,
                traits String,
                event_time_ms UInt64,
                processing_time_ms UInt64,
                event_time DateTime MATERIALIZED toDateTime(intDiv(event_time_ms, 1000))
            )
            ENGINE = ReplacingMergeTree()
            PARTITION BY toYYYYMMDD(toDateTime(intDiv(processing_time_ms, 1000)))
            ORDER BY (workspace_id, processing_time_ms, message_id)
            """)),
        // Why this shape: reads scan one workspace's processing-time window, so that leads the key.
        // A retried insert repeats rows with the same key, which ReplacingMergeTree folds away in merges;
        // a replay gets a new processing time and stays as a duplicate row, so every read is written to be
        // insensitive to duplicates (uniqExact of message_id, argMax/max/min states). Daily partitions by
        // processing time make retention a cheap DROP PARTITION; modern servers may add TTL themselves.
        new Migration("0002_leaf_state", LeafStateSchema.statements()),
        new Migration("0003_assignments", List.of("""
            CREATE TABLE IF NOT EXISTS {db}.assignments (
                workspace_id String,
                property_id String,
                user_id String,
                as_of_ms UInt64,
                is_segment UInt8,
                value String
            )
            ENGINE = ReplacingMergeTree()
            ORDER BY (workspace_id, property_id, user_id, as_of_ms)
            """)),
        // Versioned by the compute's as-of time, so a change is a difference from the latest version before
        // it: a repeated compute finds the same changes and has nothing new to write. A row is written only
        // when the value differs from the latest one (segments: none = 'false'; properties: none = '').
        new Migration("0004_leaf_times", LeafStateSchema.timeIndex())
        // Time-dependent resolution reads users by time range from this index, not all of a leaf's users from the
        // states; an existing database gets it in place, backfilled from the states (LeafStateSchema.timeIndex).
    );
  }
}
