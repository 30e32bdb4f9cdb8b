package dev.granular.sink.cluster;

import dev.granular.sink.compute.UserBucket;
import dev.granular.sink.sql.Sql;
import java.util.List;

/**
 * A ClickHouse cluster as Granular uses it: the name of its {@code remote_servers} cluster, and for each shard, in
 * that definition's order, the HTTP URL of every replica. A user's rows (events, states, assignments) all live on
 * shard {@code halfMD5(user id) % shards}, the same hash as the planner's user buckets: a bucket whose count is a
 * multiple of the shard count lies on one shard, so a part of a split plan runs on one shard's local tables.
 */
public record ClusterLayout(String name, List<List<String>> shards) {
  public ClusterLayout {
    Sql.identifier(name);
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one shard");
    }
    for (List<String> replicas : shards) {
      if (replicas.isEmpty() || replicas.stream().anyMatch(url -> url == null || url.isBlank())) {
        throw new IllegalArgumentException("every shard needs at least one replica URL, got " + shards);
      }
    }
    shards = shards.stream().map(List::copyOf).toList();
  }

  public int shardCount() {
    return shards.size();
  }

  /** The shard, counted from 0, that holds this user's rows. */
  public int shardOf(String userId) {
    return (int) Long.remainderUnsigned(UserBucket.halfMd5(userId), shards.size());
  }

  /** The one shard a bucket's users live on; the bucket count must be a multiple of the shard count. */
  public int shardOf(UserBucket bucket) {
    if (bucket.count() % shards.size() != 0) {
      throw new IllegalArgumentException(bucket + " spans shards: its count is not a multiple of " + shards.size());
    }
    return bucket.index() % shards.size();
  }

  public List<String> replicas(int shard) {
    return shards.get(shard);
  }

  /** The clause that runs a DDL statement on every node of the cluster. */
  String onCluster() {
    return " ON CLUSTER " + name;
  }
}
