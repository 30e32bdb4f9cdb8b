package dev.granular.app.sink;

import static dev.granular.app.metrics.Scrapes.assertSample;

import dev.granular.app.metrics.GranularMetrics;
import dev.granular.avro.ComputeTask;
import java.io.File;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/** Pending and running by priority, in flight per partition against K, read from a partition's slots while tasks block. */
class SinkGaugesTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch twoStarted = new CountDownLatch(2);

  @Test
  void pendingRunningAndInFlightFollowTheSlotsAndOutcomesAreCountedByPriority() throws Exception {
    GranularMetrics metrics = GranularMetrics.prometheus();
    TaskWork work = (task, workspace) -> {
      twoStarted.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (task.getPart() == 1) {
        throw new IllegalStateException("ClickHouse said no");
      }
      return new TaskWork.Outcome(1, 0, 0, ChangeRecords.none());
    };
    TaskSlots slots = new TaskSlots("slots", 2, work, metrics.sink(), () -> 0L);
    var context = new MockProcessorContext<>(new Properties(), new TaskId(0, 3), new File("/tmp/granular-sink-gauges-test"));
    slots.init(context.getStateStoreContext(), slots);
    slots.accept(task(0, true), null);
    slots.accept(task(1, true), null); // both priority tasks start: no normal task waits yet
    slots.accept(task(2, false), null);
    slots.accept(task(3, true), null);
    twoStarted.await();
    String busy = metrics.scrape();
    assertSample(busy, "granular_sink_tasks_running", "priority=\"true\"", 2);
    assertSample(busy, "granular_sink_tasks_running", "priority=\"false\"", 0);
    assertSample(busy, "granular_sink_tasks_pending", "priority=\"true\"", 1);
    assertSample(busy, "granular_sink_tasks_pending", "priority=\"false\"", 1);
    assertSample(busy, "granular_sink_in_flight", "partition=\"3\"", 2);
    assertSample(busy, "granular_sink_concurrency_cap", "", 2);

    release.countDown();
    slots.flush(); // returns once every accepted task finished
    String done = metrics.scrape();
    assertSample(done, "granular_sink_tasks_running", "", 0);
    assertSample(done, "granular_sink_tasks_pending", "", 0);
    assertSample(done, "granular_sink_in_flight", "partition=\"3\"", 0);
    assertSample(done, "granular_sink_in_flight_max", "partition=\"3\"", 2);
    assertSample(done, "granular_sink_tasks_total", "outcome=\"success\",priority=\"true\"", 2);
    assertSample(done, "granular_sink_tasks_total", "outcome=\"failure\",priority=\"true\"", 1);
    assertSample(done, "granular_sink_tasks_total", "outcome=\"success\",priority=\"false\"", 1);
    slots.close();
  }

  @Test
  void aClosedPartitionsQueuedTasksNoLongerCountAsPending() throws Exception {
    GranularMetrics metrics = GranularMetrics.prometheus();
    TaskSlots slots = new TaskSlots("slots", 1, (task, workspace) -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the partition closed under the task
      }
      return new TaskWork.Outcome(1, 0, 0, ChangeRecords.none());
    }, metrics.sink(), () -> 0L);
    var context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), new File("/tmp/granular-sink-gauges-test"));
    slots.init(context.getStateStoreContext(), slots);
    slots.accept(task(0, false), null);
    slots.accept(task(1, false), null);
    assertSample(metrics.scrape(), "granular_sink_tasks_pending", "priority=\"false\"", 1);
    slots.close(); // the partition was revoked: whoever owns it next reads the task again
    assertSample(metrics.scrape(), "granular_sink_tasks_pending", "priority=\"false\"", 0);
  }

  private static ComputeTask task(int part, boolean priority) {
    return new ComputeTask("plan", "w", part, 4, 0, 0L, 1_000L, 1_000L, 0, 1, List.of(), 1L, 1_000L, 0L, 10L, 1, priority, -1);
  }
}
