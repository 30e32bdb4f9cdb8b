package dev.granular.sink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.migrate.Migration;
import dev.granular.sink.migrate.Schema;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClusterSchemaTest {
  private static final Pattern PLAIN_ENGINE = Pattern.compile("ENGINE = (?!Replicated)\\w*MergeTree");

  @Test
  void everyCreateRunsOnTheClusterWithItsMergeTreeReplicatedPerShard() {
    int creates = 0;
    int inserts = 0;
    for (Migration migration : Schema.migrations()) {
      for (String statement : migration.statements()) {
        ClusterSchema.Step step = ClusterSchema.rewrite(statement, "granular", "app_db");
        if (statement.strip().startsWith("CREATE")) {
          creates++;
          assertInstanceOf(ClusterSchema.Once.class, step, statement);
          assertTrue(step.sql().matches("(?s)\\s*CREATE (TABLE|MATERIALIZED VIEW) IF NOT EXISTS \\{db}\\.\\w+ ON CLUSTER granular[ (].*"),
              step.sql());
          assertFalse(PLAIN_ENGINE.matcher(step.sql()).find(), "unreplicated engine left in " + step.sql());
        } else {
          inserts++;
          assertInstanceOf(ClusterSchema.PerShard.class, step, statement);
          assertEquals(statement, step.sql());
        }
      }
    }
    assertTrue(creates >= 14 && inserts >= 3, creates + " creates, " + inserts + " inserts");
  }

  @Test
  void aReplicatedTableIsKeyedInZooKeeperByShardDatabaseAndTable() {
    String sql = ClusterSchema.rewrite("CREATE TABLE IF NOT EXISTS {db}.assignments (a String) ENGINE = ReplacingMergeTree() ORDER BY a",
        "c1", "granular").sql();
    assertEquals("CREATE TABLE IF NOT EXISTS {db}.assignments ON CLUSTER c1 (a String) ENGINE = ReplicatedReplacingMergeTree("
        + "'/clickhouse/tables/{shard}/granular/assignments', '{replica}') ORDER BY a", sql);
  }

  @Test
  void aStatementWithoutAClusterFormIsRefusedNotRunOnOneNode() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ClusterSchema.rewrite("ALTER TABLE {db}.assignments ADD COLUMN x String", "granular", "db"));
    assertTrue(e.getMessage().contains("no cluster form"), e.getMessage());
  }

  @Test
  void hostileNamesAreRefusedBeforeAnySqlIsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> ClusterSchema.rewrite(
        "CREATE TABLE IF NOT EXISTS {db}.t (a String) ENGINE = MergeTree() ORDER BY a", "c') DROP", "db"));
    assertThrows(IllegalArgumentException.class, () -> ClusterSchema.rewrite(
        "CREATE TABLE IF NOT EXISTS {db}.t (a String) ENGINE = MergeTree() ORDER BY a", "granular", "db'; DROP TABLE x; --"));
    assertThrows(IllegalArgumentException.class, () -> ClusterSchema.distributedTables("granular", "x`y"));
  }

  @Test
  void everyTableReadAcrossShardsGetsADistributedTableShardedByItsUserColumn() {
    var tables = ClusterSchema.distributedTables("granular", "app");
    assertEquals(ClusterSchema.READ_ACROSS.size(), tables.size());
    assertTrue(tables.contains("CREATE TABLE IF NOT EXISTS {db}.user_events_all ON CLUSTER granular AS {db}.user_events"
        + " ENGINE = Distributed(granular, app, user_events, halfMD5(subject_id))"), tables.toString());
  }
}
