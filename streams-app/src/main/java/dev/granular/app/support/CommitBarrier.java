package dev.granular.app.support;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * A state store that holds no state worth restoring and exists for its {@link #flush()}: Kafka Streams
 * flushes every store of a task before it commits the task's offsets, so a flush that returns only once
 * outside work is durable makes that commit safe. Subclasses implement the flush.
 */
public abstract class CommitBarrier implements StateStore {
  private final String name;
  private volatile boolean open;

  protected CommitBarrier(String name) {
    this.name = name;
  }

  /** Called once the store is registered with its task. */
  protected void opened(StateStoreContext context) {}

  /** Called when the task closes; anything not flushed was never committed and is read again. */
  protected void closed() {}

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> { }); // nothing to restore: the input topics are the log
    opened(context);
    open = true;
  }

  @Override
  public final void close() {
    open = false;
    closed();
  }

  @Override
  public final boolean persistent() {
    return false;
  }

  @Override
  public final boolean isOpen() {
    return open;
  }
}
