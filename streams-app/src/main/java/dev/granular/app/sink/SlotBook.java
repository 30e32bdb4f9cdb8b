package dev.granular.app.sink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The delivery book of one partition's K compute slots: every accepted task's {@link DeliveryState}, and which
 * waiting tasks may start now under the cap and the priority rule ({@link TaskQueue}). Free of Kafka and of
 * threads so it can be tested by hand; {@link TaskSlots} guards it with its lock and runs what it starts.
 *
 * @param <T> the task
 * @param <R> the result reported for it
 */
final class SlotBook<T, R> {
  private final int slots;
  private final TaskQueue<Slot<T, R>> queue;
  private final Set<Slot<T, R>> running = new LinkedHashSet<>();
  /** Running tasks that share a slot with the task they were batched with: they hold no slot of their own. */
  private final Set<Slot<T, R>> companions = new LinkedHashSet<>();
  private int slotsInUse;
  private final Set<Slot<T, R>> finished = new LinkedHashSet<>();
  private int priorityRunning;
  private boolean closed;

  SlotBook(int slots, int maxPriorityStreak) {
    if (slots < 1) {
      throw new IllegalArgumentException("at least one slot, got " + slots);
    }
    this.slots = slots;
    this.queue = new TaskQueue<>(slots, maxPriorityStreak);
  }

  /** Queues a task: ACCEPTED. */
  Slot<T, R> accept(T task, boolean priority) {
    requireOpen();
    Slot<T, R> slot = new Slot<>(task, priority, DeliveryState.ACCEPTED);
    queue.offer(slot, priority);
    return slot;
  }

  /** A task that cannot start at all (its workspace does not compile): FAILED at once, without a slot. */
  Slot<T, R> refuse(T task, boolean priority, R result) {
    requireOpen();
    Slot<T, R> slot = new Slot<>(task, priority, DeliveryState.FAILED);
    slot.result(result);
    finished.add(slot);
    return slot;
  }

  /** Moves to RUNNING every waiting task that may start now: never more than K slots in use, priority within K-1 while normal tasks wait. */
  List<Slot<T, R>> start() {
    List<Slot<T, R>> started = new ArrayList<>();
    while (!closed && slotsInUse < slots) {
      Slot<T, R> next = queue.next(priorityRunning);
      if (next == null) {
        break;
      }
      next.move(DeliveryState.RUNNING);
      running.add(next);
      slotsInUse++;
      priorityRunning += next.priority() ? 1 : 0;
      started.add(next);
    }
    return started;
  }

  /**
   * Moves to RUNNING, in the slot of {@code leader} (a normal task just started), up to {@code max} waiting normal
   * tasks that {@code joins} accepts: they run as one batch and hold no slot of their own, so the cap K still bounds
   * what runs at once. Priority tasks never join, and none waits for a batch to form: only tasks already waiting join.
   */
  List<Slot<T, R>> join(Slot<T, R> leader, int max, java.util.function.Predicate<T> joins) {
    if (leader.state() != DeliveryState.RUNNING || leader.priority() || companions.contains(leader)) {
      throw new IllegalStateException("only a running normal task that leads its slot takes companions");
    }
    List<Slot<T, R>> joined = queue.pollNormal(slot -> joins.test(slot.task()), max);
    for (Slot<T, R> slot : joined) {
      slot.move(DeliveryState.RUNNING);
      running.add(slot);
      companions.add(slot);
    }
    return joined;
  }

  /** RUNNING to ACKED or FAILED, freeing the slot (a companion frees none). False when the slot was dropped meanwhile: a late result is discarded. */
  boolean finish(Slot<T, R> slot, boolean success, R result) {
    if (slot.state() == DeliveryState.DROPPED) {
      return false;
    }
    slot.move(success ? DeliveryState.ACKED : DeliveryState.FAILED);
    running.remove(slot);
    if (!companions.remove(slot)) {
      slotsInUse--;
      priorityRunning -= slot.priority() ? 1 : 0;
    }
    slot.result(result);
    finished.add(slot);
    return true;
  }

  /** Finished results not yet forwarded, in the order they finished. */
  List<Slot<T, R>> finished() {
    return List.copyOf(finished);
  }

  /** ACKED or FAILED to DONE: the stream thread forwarded the result. */
  void delivered(Slot<T, R> slot) {
    slot.move(DeliveryState.DONE);
    finished.remove(slot);
  }

  /** Tasks accepted and not finished yet (ACCEPTED or RUNNING): a commit must wait for them. */
  int unfinished() {
    return queue.waiting() + running.size();
  }

  int waiting(boolean priority) {
    return queue.waiting(priority);
  }

  int running(boolean priority) {
    return priority ? priorityRunning : running.size() - priorityRunning;
  }

  /** The partition closed: every slot not DONE is DROPPED, never reported; nothing more is accepted or started. */
  void close() {
    closed = true;
    for (Slot<T, R> slot : queue.drain()) {
      slot.move(DeliveryState.DROPPED);
    }
    running.forEach(s -> s.move(DeliveryState.DROPPED));
    finished.forEach(s -> s.move(DeliveryState.DROPPED));
    running.clear();
    companions.clear();
    finished.clear();
    priorityRunning = 0;
    slotsInUse = 0;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the partition's compute slots are closed");
    }
  }
}
