package dev.granular.app.support;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * A state store that holds nothing worth restoring: objects of one task, shared by the processors the
 * topology connects to it (they run on the task's stream thread). Its input topics are its log.
 */
public abstract class TaskLocalStore implements StateStore {
  private final String name;
  private volatile boolean open;

  protected TaskLocalStore(String name) {
    this.name = name;
  }

  /** Called once the store is registered with its task. */
  protected void opened(StateStoreContext context) {}

  /** Called when the task closes. */
  protected void closed() {}

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> { }); // nothing to restore
    opened(context);
    open = true;
  }

  @Override
  public void flush() {}

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
