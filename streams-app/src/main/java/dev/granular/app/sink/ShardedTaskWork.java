package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.cluster.ClusterLayout;
import dev.granular.sink.cluster.Replicas;
import dev.granular.sink.compute.ComputeEngine;
import dev.granular.sink.compute.ComputeResult;
import dev.granular.sink.compute.ComputeScope;
import dev.granular.sink.compute.Spool;
import dev.granular.sink.compute.UserBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        .map(c -> new ShardReplica(c, new ComputeEngine(c, statementRetry))).toList())).toList();
  }

  @Override
  public Outcome run(ComputeTask task, CompiledWorkspace workspace) {
    long start = System.currentTimeMillis();
    Optional<ComputeScope> scope = EngineTaskWork.scope(task, workspace);
    if (scope.isEmpty()) {
      return new Outcome(0, start, start, ChangeRecords.none());
    }
    List<ChangeRecords> parts = new ArrayList<>();
    long rows = 0;
    try {
      for (int shard : shardsOf(new UserBucket(task.getUserBucket(), task.getUserBuckets()))) {
        ShardOutcome outcome = shards.get(shard).call(replica -> replica.compute(task, workspace, scope.get()));
        parts.add(outcome.changes());
        rows += outcome.rows();
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

  private record ShardOutcome(long rows, ChangeRecords changes) {}

  /** One replica of a shard, with the engine over its local tables. */
  private record ShardReplica(ClickHouse clickHouse, ComputeEngine engine) {
    ShardOutcome compute(ComputeTask task, CompiledWorkspace workspace, ComputeScope scope) {
      // Everything another replica of the shard acknowledged (ingest may have written there) is fetched first; if
      // only a dead replica holds it, this waits, fails, and the planner retries the task: slower, never wrong.
      for (String table : READ_TABLES) {
        clickHouse.execute("SYSTEM SYNC REPLICA " + clickHouse.table(table));
      }
      Spool<dev.granular.sink.compute.AssignmentChange> changes = new Spool<>(dev.granular.sink.compute.AssignmentChange.CODEC,
          Spool.IN_MEMORY);
      try {
        ComputeResult result = engine.compute(workspace.index(), EngineTaskWork.window(task), scope, EngineTaskWork.now(task),
            EngineTaskWork.expectedEvents(task, workspace), changes::add);
        return new ShardOutcome(EngineTaskWork.rows(result), EngineTaskWork.spooled(changes, task.getPlanId()));
      } catch (RuntimeException | Error e) {
        changes.close();
        throw e;
      }
    }
  }
}
