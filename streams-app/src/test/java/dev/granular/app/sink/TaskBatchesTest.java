package dev.granular.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.avro.ComputeTask;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.processor.TaskId;
import org.awaitility.Awaitility;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Batches in the sink's slots, with a fake work: waiting small tasks of distinct workspaces run together in one slot,
 * priority tasks and a workspace's second task never join, and a failed batch runs each of its tasks alone.
 */
@Timeout(30) // a broken backpressure rule blocks accept(): fail, never hang
class TaskBatchesTest {
  private static final CompiledWorkspace DEFINED = new CompiledWorkspace(1, null, null, null);
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch blockersStarted = new CountDownLatch(2);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final List<String> alone = new CopyOnWriteArrayList<>();
  private volatile String poison = "none";
  private final TaskWork work = new TaskWork() {
    @Override
    public Outcome run(ComputeTask task, CompiledWorkspace workspace) {
      alone.add(task.getWorkspaceId());
      if (task.getWorkspaceId().startsWith("first")) {
        firstStarted.countDown();
        blockersStarted.countDown();
        try {
          releaseFirst.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (task.getWorkspaceId().equals(poison)) {
        throw new IllegalStateException("poisoned " + poison);
      }
      return new Outcome(1, 0, 0, ChangeRecords.none());
    }

    @Override
    public boolean batchable(ComputeTask task, CompiledWorkspace workspace) {
      return !task.getWorkspaceId().startsWith("big");
    }

    @Override
    public List<Outcome> runBatch(List<Job> jobs) {
      List<String> workspaces = jobs.stream().map(j -> j.task().getWorkspaceId()).toList();
      batches.add(workspaces);
      if (workspaces.contains(poison)) {
        throw new IllegalStateException("a batch with " + poison);
      }
      List<Outcome> outcomes = new ArrayList<>();
      jobs.forEach(j -> outcomes.add(new Outcome(jobs.size(), 0, 0, ChangeRecords.none())));
      return outcomes;
    }
  };
  private final TaskSlots slots = new TaskSlots("slots", 1, 3, work, GranularMetrics.prometheus().sink(), () -> 0L);

  TaskBatchesTest() {
    var context = new MockProcessorContext<>(new Properties(), new TaskId(0, 2), new File("/tmp/granular-task-batches-test"));
    slots.init(context.getStateStoreContext(), slots);
  }

  @AfterEach
  void close() {
    releaseFirst.countDown();
    slots.close();
  }

  @Test
  void waitingSmallTasksOfDistinctWorkspacesRunTogetherInOneSlot() throws Exception {
    List<TaskSlots.Finished> forwarded = runAfterTheFirst("big", "a", "b", "a", "c");
    // K = 1 and at most 3 per batch: big alone (it may not join), then a leads b and c (a second a may not), then a.
    assertEquals(List.of(List.of("a", "b", "c")), batches);
    assertEquals(List.of("first", "big", "a"), alone);
    assertEquals(6, forwarded.size());
    assertTrue(forwarded.stream().allMatch(f -> f.result().getSuccess()));
    assertEquals("a", forwarded.get(2).result().getWorkspaceId().toString());
    assertEquals(3L, forwarded.get(2).result().getRowsTouched(), "each task reports its own outcome from the batch");
  }

  @Test
  void aBatchTakesItsFairShareOfTheWaitingTasksSoTheOtherSlotsGetTheirs() throws Exception {
    TaskSlots two = new TaskSlots("two", 2, 8, work, GranularMetrics.prometheus().sink(), () -> 0L);
    var context = new MockProcessorContext<>(new Properties(), new TaskId(0, 3), new File("/tmp/granular-task-batches-test"));
    two.init(context.getStateStoreContext(), two);
    try {
      two.accept(task("first"), DEFINED);
      two.accept(task("first-too"), DEFINED);
      blockersStarted.await();
      for (String ws : List.of("a", "b", "c", "d", "e", "f")) {
        two.accept(task(ws), DEFINED);
      }
      releaseFirst.countDown();
      two.flush();
      // K = 2 and 6 waiting: the first slot to free takes a and 2 companions (half of 6), not a and 5 while the
      // other slot frees to nothing; the next takes half of the 3 left, and f runs alone.
      assertEquals(Set.of(List.of("a", "b", "c"), List.of("d", "e")), Set.copyOf(batches));
      assertEquals(2, batches.size());
      assertTrue(alone.contains("f"));
    } finally {
      two.close();
    }
  }

  @Test
  void smallTasksMayQueueTwoKBatchesWorthBehindABusySlot() throws Exception {
    slots.accept(task("first"), DEFINED);
    firstStarted.await();
    Thread accepting = new Thread(() -> {
      try {
        for (String ws : List.of("a", "b", "c", "d", "e")) {
          slots.accept(task(ws), DEFINED); // a task that may not join would wait from 2 x K = 2 unfinished on
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    accepting.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slots.unfinished() == 6);
    releaseFirst.countDown();
    accepting.join();
  }

  @Test
  void aFailedBatchRunsEachOfItsTasksAloneSoOnlyTheFaultyOneFails() throws Exception {
    poison = "b";
    List<TaskSlots.Finished> forwarded = runAfterTheFirst("a", "b", "c");
    assertEquals(List.of(List.of("a", "b", "c")), batches);
    assertEquals(List.of("first", "a", "b", "c"), alone, "after the batch failed, each of its tasks ran alone");
    assertEquals(Set.of("b"), Set.copyOf(forwarded.stream().filter(f -> !f.result().getSuccess())
        .map(f -> f.result().getWorkspaceId().toString()).toList()), "only the poisoned workspace's task failed");
    assertEquals(4, forwarded.size());
  }

  /** Starts a blocking task so that the others queue up behind it, then lets everything finish. */
  private List<TaskSlots.Finished> runAfterTheFirst(String... workspaces) throws Exception {
    slots.accept(task("first"), DEFINED);
    firstStarted.await();
    for (String ws : workspaces) {
      slots.accept(task(ws), DEFINED);
    }
    releaseFirst.countDown();
    slots.flush();
    List<TaskSlots.Finished> forwarded = new CopyOnWriteArrayList<>();
    slots.forwardFinished(forwarded::add);
    return forwarded;
  }

  private static ComputeTask task(String workspace) {
    return new ComputeTask("plan-" + workspace, workspace, 0, 1, 0, 0L, 1_000L, 1_000L, 0, 1, List.of(), 1L, 1_000L, 0L, 10L, 1,
        false, -1);
  }
}
