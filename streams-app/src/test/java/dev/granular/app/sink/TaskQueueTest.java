package dev.granular.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TaskQueueTest {
  @Test
  void priorityStartsFirstButLeavesASlotForWaitingNormalTasks() {
    TaskQueue<String> q = new TaskQueue<>(3, 3);
    for (int i = 0; i < 10; i++) {
      q.offer("whale-" + i, true);
    }
    q.offer("small", false);
    assertEquals("whale-0", q.next(0));
    assertEquals("whale-1", q.next(1));
    assertEquals("small", q.next(2), "with K-1 priority tasks in flight, the last slot goes to the waiting normal task");
    assertEquals("whale-2", q.next(2), "no normal task waits any more: priority may fill the slot");
  }

  @Test
  void withOneSlotANormalTaskGoesAfterABoundedStreakOfPriorityTasks() {
    TaskQueue<String> q = new TaskQueue<>(1, 3);
    for (int i = 0; i < 10; i++) {
      q.offer("p" + i, true);
    }
    q.offer("n", false);
    assertEquals("p0", q.next(0));
    assertEquals("p1", q.next(0));
    assertEquals("p2", q.next(0));
    assertEquals("n", q.next(0));
    assertEquals("p3", q.next(0));
  }

  @Test
  void emptyQueueGivesNothing() {
    assertNull(new TaskQueue<String>(2, 3).next(0));
  }
}
