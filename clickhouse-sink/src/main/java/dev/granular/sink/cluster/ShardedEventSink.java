package dev.granular.sink.cluster;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.events.EventSink;
import dev.granular.sink.events.RowBinary;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster mode's ingest: a batch split by the shard that owns each event's user, each shard's rows inserted into its
 * local {@code user_events} on one of its replicas, one shard after another, returning only when every part is
 * durable (so an offset still commits only after its events are stored).
 *
 * <p>Why direct inserts, not an insert into the Distributed table: ClickHouse documents a Distributed insert as
 * asynchronous by default (the receiving node queues the rows on its disk and sends them later), so its success
 * does not mean the rows reached their shard; with {@code insert_distributed_sync} it waits, but a retry after a
 * failure resends every shard's rows through one node. Here each shard's part fails over between that shard's
 * replicas and is retried on its own. A repeated part is harmless: the table folds equal rows, every read ignores
 * duplicates, and replicated tables drop a repeated identical block.
 */
public final class ShardedEventSink implements EventSink {
  private final ClusterLayout layout;
  private final List<Replicas<ClickHouse>> shards;
  private final RetryPolicy retryPolicy;
  private final AtomicLong retries = new AtomicLong();

  /** @param shards per shard of {@code layout}, in its order, a client per replica */
  public ShardedEventSink(ClusterLayout layout, List<Replicas<ClickHouse>> shards, RetryPolicy retryPolicy) {
    if (shards.size() != layout.shardCount()) {
      throw new IllegalArgumentException("need the replicas of every shard: " + layout.shardCount() + " shards, got " + shards.size());
    }
    this.layout = layout;
    this.shards = List.copyOf(shards);
    this.retryPolicy = retryPolicy;
  }

  @Override
  public void write(List<StoredEvent> batch) {
    List<List<StoredEvent>> parts = new ArrayList<>();
    for (int i = 0; i < layout.shardCount(); i++) {
      parts.add(new ArrayList<>());
    }
    for (StoredEvent event : batch) {
      parts.get(layout.shardOf(event.subjectId())).add(event);
    }
    for (int shard = 0; shard < parts.size(); shard++) {
      List<StoredEvent> part = parts.get(shard);
      if (part.isEmpty()) {
        continue;
      }
      byte[] body = RowBinary.encode(part);
      Replicas<ClickHouse> replicas = shards.get(shard);
      retryPolicy.run("insert of " + part.size() + " events into shard " + (shard + 1),
          () -> replicas.call(c -> c.insertRowBinary("user_events", RowBinary.COLUMNS, body)), retries::incrementAndGet);
    }
  }

  /** Failed attempts that were retried, for metrics. */
  public long retries() {
    return retries.get();
  }
}
