package dev.granular.sink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.events.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cluster-mode ingest on the local cluster: every event on the shard that owns its user, written once per shard. */
@Tag("cluster")
class ShardedEventSinkIT {
  @AutoClose
  private final ClusterDatabase cluster = ClusterDatabase.random("granular_cluster_it");
  private final String db = cluster.name();

  @Test
  void eachEventLandsOnTheShardOfItsUserAndAllReadBackThroughTheDistributedTable() {
    cluster.migrated();
    List<Replicas<ClickHouse>> replicas = cluster.replicas().stream().map(Replicas::new).toList();
    ShardedEventSink sink = new ShardedEventSink(TestCluster.LAYOUT, replicas,
        new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)));
    List<StoredEvent> batch = new ArrayList<>();
    Map<String, Integer> expected = new TreeMap<>();
    String[] users = {"u1", "o'brien", "'); DROP TABLE user_events; --", "emoji \uD83D\uDE80", "back\\slash", "tab\tnew\nline"};
    for (int i = 0; i < 600; i++) {
      String user = users[i % users.length] + "-" + (i % 50);
      batch.add(event("m" + i, user));
      expected.merge(user, 1, Integer::sum);
    }
    sink.write(batch);
    long total = 0;
    for (int shard = 0; shard < TestCluster.LAYOUT.shardCount(); shard++) {
      ClickHouse local = client(TestCluster.LAYOUT.replicas(shard).get(0));
      TreeSet<String> onShard = new TreeSet<>();
      local.forEachRow("SELECT DISTINCT subject_id FROM " + db + ".user_events", r -> onShard.add(r[0]));
      for (String user : onShard) {
        assertEquals(shard, TestCluster.LAYOUT.shardOf(user), user + " is on shard " + shard);
      }
      total += Long.parseLong(local.rows("SELECT count() FROM " + db + ".user_events").get(0)[0]);
    }
    assertEquals(batch.size(), total, "every event once, on one shard");
    Map<String, Integer> read = new TreeMap<>();
    client(TestCluster.LAYOUT.replicas(1).get(1)).forEachRow("SELECT subject_id, count() FROM " + db + ".user_events_all GROUP BY subject_id",
        r -> read.put(r[0], Integer.parseInt(r[1])));
    assertEquals(expected, read);
  }

  private static StoredEvent event(String messageId, String user) {
    return new StoredEvent("w", messageId, "track", user, null, "Clicked", "{}", "{}", 1_000L, 2_000L);
  }

  private ClickHouse client(String url) {
    return cluster.client(url);
  }
}
