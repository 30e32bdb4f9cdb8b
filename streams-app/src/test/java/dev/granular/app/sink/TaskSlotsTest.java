package dev.granular.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.metrics.GranularMetrics;
import dev.granular.avro.ComputeTask;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The thread plumbing around the {@link SlotBook}: tasks block in a fake work until the test releases them. */
class TaskSlotsTest {
  private final Map<Integer, CountDownLatch> started = new ConcurrentHashMap<>();
  private final Map<Integer, CountDownLatch> release = new ConcurrentHashMap<>();
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger mostConcurrent = new AtomicInteger();
  private final TaskWork work = (task, workspace) -> {
    mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
    latch(started, task.getPart()).countDown();
    try {
      latch(release, task.getPart()).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the partition closed under the task
    } finally {
      concurrent.decrementAndGet();
    }
    return new TaskWork.Outcome(task.getPart(), 0, 0, ChangeRecords.none());
  };
  private final TaskSlots slots = new TaskSlots("slots", 2, work, GranularMetrics.prometheus().sink(), () -> 0L);

  TaskSlotsTest() {
    var context = new MockProcessorContext<>(new Properties(), new TaskId(0, 1), new File("/tmp/granular-task-slots-test"));
    slots.init(context.getStateStoreContext(), slots);
  }

  @AfterEach
  void close() {
    release.values().forEach(CountDownLatch::countDown);
    slots.close();
  }

  @Test
  void flushReturnsOnlyAfterTheLastAcceptedTaskFinished() throws Exception {
    for (int part = 0; part < 3; part++) {
      slots.accept(task(part), null);
    }
    Thread completer = new Thread(() -> {
      try {
        latch(started, 0).await();
        latch(started, 1).await();
        latch(release, 0).countDown();
        latch(release, 1).countDown();
        latch(started, 2).await(); // the third waited for a free slot
        latch(release, 2).countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    completer.start();
    slots.flush();
    List<TaskSlots.Finished> forwarded = new CopyOnWriteArrayList<>();
    slots.forwardFinished(forwarded::add);
    assertEquals(3, forwarded.size(), "flush returned before every accepted task finished");
    assertTrue(forwarded.stream().allMatch(f -> f.result().getSuccess()));
    assertEquals(2, mostConcurrent.get(), "K = 2 tasks ran at once, never more");
    assertEquals(0, slots.unfinished());
    completer.join();
  }

  @Test
  void closingDropsUnfinishedTasksWithoutReportingThem() throws Exception {
    slots.accept(task(0), null);
    slots.accept(task(1), null);
    slots.accept(task(2), null);
    latch(started, 0).await();
    latch(started, 1).await();
    slots.close();
    assertEquals(0, slots.unfinished());
    List<TaskSlots.Finished> forwarded = new CopyOnWriteArrayList<>();
    slots.forwardFinished(forwarded::add);
    assertEquals(List.of(), forwarded);
    slots.flush(); // nothing holds the commit any more
    assertThrows(IllegalStateException.class, () -> slots.accept(task(3), null));
  }

  @Test
  void aRevivedTaskReopensItsSlotsAndAcceptsAgain() throws Exception {
    slots.accept(task(0), null);
    slots.close(); // Kafka Streams closes a corrupted task's stores, wipes them, and opens the same objects again
    var context = new MockProcessorContext<>(new Properties(), new TaskId(0, 1), new File("/tmp/granular-task-slots-test"));
    slots.init(context.getStateStoreContext(), slots);
    slots.accept(task(1), null);
    latch(started, 1).await();
    latch(release, 1).countDown();
    slots.flush();
    List<TaskSlots.Finished> forwarded = new CopyOnWriteArrayList<>();
    slots.forwardFinished(forwarded::add);
    assertEquals(List.of(1), forwarded.stream().map(f -> f.result().getPart()).toList(), "only the task accepted after the revival");
  }

  private static CountDownLatch latch(Map<Integer, CountDownLatch> latches, int part) {
    return latches.computeIfAbsent(part, p -> new CountDownLatch(1));
  }

  private static ComputeTask task(int part) {
    return new ComputeTask("plan", "w", part, 4, 0, 0L, 1_000L, 1_000L, 0, 1, List.of(), 1L, 1_000L, 0L, 10L, 1, false, -1);
  }
}
