package dev.granular.app.sink;

/** One accepted task in a {@link SlotBook}: its delivery state and, once finished, its result. */
final class Slot<T, R> {
  private final T task;
  private final boolean priority;
  private DeliveryState state;
  private R result;

  Slot(T task, boolean priority, DeliveryState state) {
    this.task = task;
    this.priority = priority;
    this.state = state;
  }

  /** Moves along the lifecycle; throws on a move {@link DeliveryState} does not allow. */
  void move(DeliveryState target) {
    state = state.to(target);
  }

  void result(R value) {
    result = value;
  }

  T task() {
    return task;
  }

  boolean priority() {
    return priority;
  }

  DeliveryState state() {
    return state;
  }

  R result() {
    return result;
  }
}
