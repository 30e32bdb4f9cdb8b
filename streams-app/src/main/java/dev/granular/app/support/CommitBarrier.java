package dev.granular.app.support;

/**
 * A state store that holds no state worth restoring and exists for its {@link #flush()}: Kafka Streams
 * flushes every store of a task before it commits the task's offsets, so a flush that returns only once
 * outside work is durable makes that commit safe. Subclasses implement the flush; anything not flushed when
 * the task closes was never committed and is read again.
 */
public abstract class CommitBarrier extends TaskLocalStore {
  protected CommitBarrier(String name) {
    super(name);
  }

  @Override
  public abstract void flush();
}
