package dev.granular.app.sink;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which waiting task starts next on a partition's K slots. Priority tasks (split parts) go first, but while
 * normal tasks wait, priority work may hold at most K-1 slots, so a whale's many parts never starve the
 * small workspaces. With K = 1 there is no slot to spare, so a normal task goes after every
 * {@code maxPriorityStreak} priority tasks instead. Not thread-safe: {@link SlotBook} owns it.
 */
final class TaskQueue<T> {
  private final int slots;
  private final int maxPriorityStreak;
  private final Deque<T> priority = new ArrayDeque<>();
  private final Deque<T> normal = new ArrayDeque<>();
  private int priorityStreak;

  TaskQueue(int slots, int maxPriorityStreak) {
    this.slots = slots;
    this.maxPriorityStreak = maxPriorityStreak;
  }

  void offer(T task, boolean isPriority) {
    (isPriority ? priority : normal).addLast(task);
  }

  /** Empties the queue, priority tasks first; for closing. */
  java.util.List<T> drain() {
    java.util.List<T> all = new java.util.ArrayList<>(priority);
    all.addAll(normal);
    priority.clear();
    normal.clear();
    return all;
  }

  int waiting() {
    return priority.size() + normal.size();
  }

  int waiting(boolean isPriority) {
    return (isPriority ? priority : normal).size();
  }

  /**
   * Removes and returns, in queue order, up to {@code max} waiting normal tasks that {@code joins} accepts (it is
   * asked once per task, in order, until {@code max} are taken): the companions of a batch.
   */
  java.util.List<T> pollNormal(java.util.function.Predicate<T> joins, int max) {
    java.util.List<T> taken = new java.util.ArrayList<>();
    for (java.util.Iterator<T> it = normal.iterator(); it.hasNext() && taken.size() < max; ) {
      T task = it.next();
      if (joins.test(task)) {
        it.remove();
        taken.add(task);
      }
    }
    return taken;
  }

  /** The task to start in a free slot, or null when none waits; callers check a slot is free. */
  T next(int priorityInFlight) {
    boolean normalWaits = !normal.isEmpty();
    boolean reserveForNormal = normalWaits
        && (slots >= 2 ? priorityInFlight >= slots - 1 : priorityStreak >= maxPriorityStreak);
    if (!priority.isEmpty() && !reserveForNormal) {
      priorityStreak = normalWaits ? priorityStreak + 1 : 0;
      return priority.pollFirst();
    }
    if (normalWaits) {
      priorityStreak = 0;
      return normal.pollFirst();
    }
    return null;
  }
}
