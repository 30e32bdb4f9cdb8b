package dev.granular.sink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** On the local cluster (`make cluster-up`; run by `make test-cluster`): the schema, its replication and its shards. */
@Tag("cluster")
class ClusterMigrationIT {
  private static final List<String> HOSTILE_USERS = List.of("plain", "o'brien", "back\\slash", "'); DROP TABLE x; --",
      "tab\there", "new\nline", "emoji \uD83D\uDE80", "`ticks`", "{db}", "null", "");
  @AutoClose
  private final ClusterDatabase cluster = ClusterDatabase.random("granular_cluster_it");
  private final String db = cluster.name();

  @Test
  void migrateMakesReplicatedShardTablesAndDistributedReadsOnEveryNodeAndIsIdempotent() {
    ClusterMigrator migrator = new ClusterMigrator(TestCluster.LAYOUT, shards(0));
    assertEquals(4, migrator.migrate().size());
    for (List<String> replicas : TestCluster.LAYOUT.shards()) {
      for (String url : replicas) {
        ClickHouse node = client(url);
        assertEquals("ReplicatedReplacingMergeTree", engine(node, "user_events"), url);
        assertEquals("ReplicatedAggregatingMergeTree", engine(node, "leaf_counts"), url);
        assertEquals("Distributed", engine(node, "user_events_all"), url);
        assertEquals("Distributed", engine(node, "assignments_all"), url);
      }
    }
    assertEquals(List.of(), new ClusterMigrator(TestCluster.LAYOUT, shards(1)).migrate(), "a second run, from other replicas");
  }

  @Test
  void rowsInsertedOnTheirShardReplicateWithinItAndReadBackAcrossShardsIntact() {
    new ClusterMigrator(TestCluster.LAYOUT, shards(0)).migrate();
    List<ClickHouse> writers = shards(0);
    int[] perShard = new int[TestCluster.LAYOUT.shardCount()];
    for (String user : HOSTILE_USERS) {
      int shard = TestCluster.LAYOUT.shardOf(user);
      perShard[shard]++;
      writers.get(shard).execute("INSERT INTO " + db + ".assignments VALUES ('w', 'p', " + Sql.string(user) + ", 1, 1, 'true')");
    }
    for (int shard = 0; shard < perShard.length; shard++) {
      ClickHouse replica = client(TestCluster.LAYOUT.replicas(shard).get(1));
      replica.execute("SYSTEM SYNC REPLICA " + db + ".assignments");
      assertEquals(String.valueOf(perShard[shard]), replica.rows("SELECT count() FROM " + db + ".assignments").get(0)[0],
          "shard " + shard + "'s other replica holds exactly its rows");
    }
    List<String> read = new ArrayList<>();
    client(TestCluster.LAYOUT.replicas(1).get(1)).forEachRow("SELECT user_id FROM " + db + ".assignments_all", r -> read.add(r[0]));
    assertEquals(new TreeSet<>(HOSTILE_USERS), new TreeSet<>(read));
    assertEquals(HOSTILE_USERS.size(), read.size());
  }

  @Test
  void aDistributedInsertPicksTheSameShardAsTheLayout() {
    new ClusterMigrator(TestCluster.LAYOUT, shards(0)).migrate();
    ClickHouse any = client(TestCluster.LAYOUT.replicas(0).get(0));
    for (String user : HOSTILE_USERS) {
      any.execute("INSERT INTO " + db + ".assignments_all VALUES ('w', 'p', " + Sql.string(user) + ", 1, 1, 'true')");
    }
    List<ClickHouse> readers = shards(0);
    // A Distributed insert forwards its rows in the background (18.16 takes no SETTINGS clause on an INSERT to make it
    // wait), so wait until every row reached some shard.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> readers.stream()
        .mapToLong(r -> Long.parseLong(r.rows("SELECT count() FROM " + db + ".assignments").get(0)[0])).sum() == HOSTILE_USERS.size());
    for (String user : HOSTILE_USERS) {
      int shard = TestCluster.LAYOUT.shardOf(user);
      assertEquals("1", readers.get(shard).rows("SELECT count() FROM " + db + ".assignments WHERE user_id = " + Sql.string(user)).get(0)[0],
          user + " on shard " + shard);
    }
  }

  private static String engine(ClickHouse node, String table) {
    return node.rows("SELECT engine FROM system.tables WHERE database = " + Sql.string(node.database()) + " AND name = "
        + Sql.string(table)).get(0)[0];
  }

  private List<ClickHouse> shards(int replica) {
    return cluster.shards(replica);
  }

  private ClickHouse client(String url) {
    return cluster.client(url);
  }
}
