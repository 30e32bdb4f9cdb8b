package dev.granular.app.sink;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one accepted compute task is on its way from the task topic to its forwarded result. Only
 * {@link #ACCEPTED} and {@link #RUNNING} hold back a commit: a finished result not yet forwarded is lost with
 * a crash like any unsent record, and the planner's task timeout turns it into a failed attempt.
 */
enum DeliveryState {
  /** Queued on the partition, waiting for one of its K slots. */
  ACCEPTED,
  /** Holding a slot: its ClickHouse work runs on a worker thread. */
  RUNNING,
  /** ClickHouse acknowledged the work; the result waits for the stream thread. */
  ACKED,
  /**
   * The attempt failed; the failed result waits for the stream thread and the planner decides on a retry. A task
   * refused at the door (its workspace does not compile) enters here directly, without taking a slot.
   */
  FAILED,
  /** The result was forwarded. Terminal. */
  DONE,
  /** The partition closed first: never reported, its input is read again by the next owner. Terminal. */
  DROPPED;

  private Set<DeliveryState> next() {
    switch (this) {
      case ACCEPTED:
        return EnumSet.of(RUNNING, DROPPED);
      case RUNNING:
        return EnumSet.of(ACKED, FAILED, DROPPED);
      case ACKED:
      case FAILED:
        return EnumSet.of(DONE, DROPPED);
      default:
        return EnumSet.noneOf(DeliveryState.class);
    }
  }

  /** The state after moving to {@code target}; throws when the lifecycle does not allow the move. */
  DeliveryState to(DeliveryState target) {
    if (!next().contains(target)) {
      throw new IllegalStateException("a compute task cannot go from " + this + " to " + target);
    }
    return target;
  }

  /** True while the task still holds back the partition's commit. */
  boolean unfinished() {
    return this == ACCEPTED || this == RUNNING;
  }
}
