package dev.granular.app.support;

import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store that holds no state worth restoring and exists for its barrier: work that must be durable
 * before the task's offsets are committed (the ClickHouse insert of buffered events, the running compute tasks).
 *
 * <p>Why {@link CachedStateStore}: Kafka Streams 4.1 commits a task's offsets (under exactly-once, the
 * transaction) after {@code prepareCommit}, which flushes only caches, and calls {@link #flush()} later, in
 * {@code postCommit}. A store's flush is therefore not a commit barrier; a cache flush is. This store presents
 * its barrier as one (an internal interface, checked by {@code CommitOrderIT} on the real broker), and its
 * {@link #flush()} does the same work, so it holds whichever way Kafka Streams orders them.
 */
public abstract class CommitBarrier extends TaskLocalStore implements CachedStateStore<Object, Object> {
  protected CommitBarrier(String name) {
    super(name);
  }

  /** Makes the outside work durable; returns only when it is, or throws (the commit then fails). */
  protected abstract void awaitDurable();

  @Override
  public final void flushCache() {
    awaitDurable();
  }

  @Override
  public final void flush() {
    awaitDurable();
  }

  @Override
  public final boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
    return false; // nothing is cached: there are no evictions to forward
  }

  @Override
  public final void clearCache() {
    // a dirty close: what was buffered was never committed, and is read again by the next owner
  }
}
