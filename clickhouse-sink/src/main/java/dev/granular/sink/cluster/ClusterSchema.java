package dev.granular.sink.cluster;

import dev.granular.sink.sql.Sql;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-node schema's statements in their cluster form. A CREATE runs once for the whole cluster (ON CLUSTER),
 * with every MergeTree engine replicated within its shard; an INSERT (a backfill from existing rows) runs on one
 * replica of each shard, over that shard's own rows. Any other statement has no cluster form yet, and says so
 * rather than running on one node only.
 */
final class ClusterSchema {
  /** How a statement runs on the cluster. */
  sealed interface Step permits Once, PerShard {
    String sql();

    /** Of one client per shard, those to send it to. */
    <T> List<T> targets(List<T> shards);
  }

  /** DDL sent to one node, which runs it on every node (ON CLUSTER). */
  record Once(String sql) implements Step {
    @Override
    public <T> List<T> targets(List<T> shards) {
      return shards.subList(0, 1);
    }
  }

  /** A statement over local rows, sent to one replica of each shard; replication copies its result. */
  record PerShard(String sql) implements Step {
    @Override
    public <T> List<T> targets(List<T> shards) {
      return shards;
    }
  }

  private static final Pattern CREATE =
      Pattern.compile("^\\s*CREATE (TABLE|MATERIALIZED VIEW) IF NOT EXISTS \\{db}\\.(\\w+)", Pattern.DOTALL);
  private static final Pattern ENGINE = Pattern.compile("ENGINE = (\\w*)MergeTree\\(\\)");

  /**
   * The tables read across shards, each with its user column: a Distributed table {@code <table>_all} over them
   * shards by that column's halfMD5, the same shard a direct insert picks ({@link ClusterLayout#shardOf(String)}).
   */
  static final Map<String, String> READ_ACROSS = Map.of("user_events", "subject_id", "assignments", "user_id",
      "leaf_latest", "user_id", "leaf_counts", "user_id", "leaf_history", "user_id", "leaf_times", "user_id");

  private ClusterSchema() {}

  /** @param statement a migration statement with its {@code {db}} placeholder; the result keeps it */
  static Step rewrite(String statement, String cluster, String database) {
    Matcher create = CREATE.matcher(statement);
    if (create.find()) {
      String table = create.group(2);
      String replicated = ENGINE.matcher(statement).replaceAll(m -> Matcher.quoteReplacement("ENGINE = Replicated" + m.group(1)
          + "MergeTree(" + Sql.string("/clickhouse/tables/{shard}/" + Sql.identifier(database) + "/" + table) + ", '{replica}')"));
      return new Once(withOnCluster(replicated, create.group(0), cluster));
    }
    if (statement.strip().startsWith("INSERT INTO")) {
      return new PerShard(statement);
    }
    throw new IllegalArgumentException("no cluster form for this migration statement: " + statement.strip());
  }

  private static String withOnCluster(String statement, String head, String cluster) {
    int at = statement.indexOf(head) + head.length();
    return statement.substring(0, at) + " ON CLUSTER " + Sql.identifier(cluster) + statement.substring(at);
  }

  /** The Distributed tables for reads across shards, created after the tables they read. */
  static List<String> distributedTables(String cluster, String database) {
    String c = Sql.identifier(cluster);
    String db = Sql.identifier(database);
    return READ_ACROSS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> "CREATE TABLE IF NOT EXISTS {db}."
        + e.getKey() + "_all ON CLUSTER " + c + " AS {db}." + e.getKey() + " ENGINE = Distributed(" + c + ", " + db + ", "
        + e.getKey() + ", halfMD5(" + e.getValue() + "))").toList();
  }
}
