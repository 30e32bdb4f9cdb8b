package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.cluster.ClusterLayout;
import dev.granular.sink.cluster.Replicas;
import dev.granular.sink.compute.UserBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cluster mode's compute: a task runs on the local tables of each shard its users may live on (the one shard of a
 * bucket whose count is a multiple of the shard count, else every shard), and its outcome is the sum. Users never
 * span shards and every property is a function of one user's rows, so the shards' results are disjoint and their
 * union is the single-server result.
 */
public final class ShardedTaskWork implements TaskWork {
  /** The tables a compute reads; replication inside a shard is asynchronous, so a replica first catches up on them. */
  static final List<String> READ_TABLES = List.of("user_events", "leaf_latest", "leaf_counts", "leaf_history", "leaf_times",
      "assignments");
  private final ClusterLayout layout;
  private final List<Replicas<ShardReplica>> shards;

  /** @param shards per shard of {@code layout}, in its order, a client per replica */
  public ShardedTaskWork(ClusterLayout layout, List<List<ClickHouse>> shards, RetryPolicy statementRetry) {
    this.layout = layout;
    this.shards = shards.stream().map(replicas -> new Replicas<>(replicas.stream()
        .map(c -> new ShardReplica(c, new EngineTaskWork(c, statementRetry))).toList())).toList();
  }

  @Override
  public Outcome run(ComputeTask task, CompiledWorkspace workspace) {
    long start = System.currentTimeMillis();
    if (EngineTaskWork.scope(task, workspace).isEmpty()) {
      return new Outcome(0, start, start, ChangeRecords.none()); // nothing to compute: no shard to sync
    }
    List<ChangeRecords> parts = new ArrayList<>();
    long rows = 0;
    try {
      for (int shard : shardsOf(new UserBucket(task.getUserBucket(), task.getUserBuckets()))) {
        Outcome outcome = shards.get(shard).call(replica -> replica.run(task, workspace));
        parts.add(outcome.changes());
        rows += outcome.rowsTouched();
      }
    } catch (RuntimeException | Error e) {
      parts.forEach(ChangeRecords::close);
      throw e;
    }
    return new Outcome(rows, start, start, ChangeRecords.concat(parts));
  }

  /** The shards a bucket's users may live on. */
  List<Integer> shardsOf(UserBucket bucket) {
    if (!bucket.isAll() && bucket.count() % layout.shardCount() == 0) {
      return List.of(layout.shardOf(bucket));
    }
    return IntStream.range(0, layout.shardCount()).boxed().toList();
  }

  /** One replica of a shard: the single-server work over its local tables, once it has caught up. */
  private record ShardReplica(ClickHouse clickHouse, EngineTaskWork work) {
    Outcome run(ComputeTask task, CompiledWorkspace workspace) {
      // Everything another replica of the shard acknowledged (ingest may have written there) is fetched first; if
      // only a dead replica holds it, this waits, fails, and the planner retries the task: slower, never wrong.
      for (String table : READ_TABLES) {
        clickHouse.execute("SYSTEM SYNC REPLICA " + clickHouse.table(table));
      }
      return work.run(task, workspace);
    }
  }
}
