package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.metrics.GranularMetrics;
import dev.granular.avro.ComputeTask;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events are not repartitioned by workspace: each of the input topic's partitions has its own clock and tells
 * every planner partition how far it is durable. On the production topology (planner and sink, fake compute):
 * a workspace's window never passes the lowest partition's watermark, so an event a stalled partition is still
 * writing is never skipped, and the window catches up as soon as the stalled partition moves on.
 */
class InputWatermarkTest {
  private static final String W = "w";

  private static PlannerHarness harness(int inputPartitions) {
    PlannerHarness h = new PlannerHarness(Map.of("granular.planner.threshold", 1_000_000), GranularMetrics.inMemory(),
        System::currentTimeMillis, inputPartitions);
    h.segments(W, 2);
    return h;
  }

  @Test
  void theWindowStopsAtAStalledPartitionAndCatchesUpWhenItMovesOn() {
    try (PlannerHarness h = harness(3)) {
      h.ingestedOn(0, W, 10, 10, 5_000, 5_000);
      h.ingestedOn(1, W, 4, 4, 4_000, 6_000);
      h.heartbeat(2, 2_000); // partition 2 is stalled here: its events after 2,000 may still be in flight
      h.tick(W, 10_000);
      h.settle(Duration.ofSeconds(1));
      ComputeTask first = h.sentNormal.get(0);
      assertEquals(2_000, first.getWindowToMs(), "the window ends at the stalled partition's watermark");
      assertEquals(14, h.state(W).getEventsTotal(), "counts from every partition add up");

      h.heartbeat(2, 9_000);
      assertEquals(5_000, h.state(W).getWatermarkMs(), "caught up without a tick, held at the workspace's latest event");
      h.tick(W, 11_000);
      h.settle(Duration.ofSeconds(1));
      ComputeTask second = h.sentNormal.get(1);
      assertEquals(2_000, second.getWindowFromMs());
      assertEquals(5_000, second.getWindowToMs());
    }
  }

  @Test
  void aPartitionNeverHeardFromHoldsEveryWorkspaceBack() {
    try (PlannerHarness h = harness(3)) {
      h.ingestedOn(0, W, 10, 10, 5_000, 5_000);
      h.heartbeat(1, 6_000);
      h.tick(W, 10_000);
      h.settle(Duration.ofSeconds(1));
      assertEquals(0, h.state(W).getWatermarkMs(), "partition 2 has not said how far it is durable");
      assertTrue(h.sentNormal.isEmpty() || h.sentNormal.get(0).getWindowToMs() == 0, "no window past it: " + h.sentNormal);
    }
  }

  @Test
  void eventsPastAPlansWindowStayCountedUntilAPlanCoversThem() {
    try (PlannerHarness h = harness(3)) {
      h.ingestedOn(0, W, 10, 10, 5_000, 5_000);
      h.heartbeat(1, 6_000);
      h.tick(W, 10_000); // partition 2 unheard: the plan (for the new definitions) ends at 0, before the events
      h.settle(Duration.ofSeconds(1));
      assertEquals(0, h.state(W).getCursorMs());
      assertEquals(10, h.state(W).getEventsTotal() - h.state(W).getEventsTotalAtCursor(),
          "the 10 events are not in any window yet, so they still count as news (and as work for the split decision)");

      h.heartbeat(2, 9_000);
      h.tick(W, 11_000);
      h.settle(Duration.ofSeconds(1));
      ComputeTask covering = h.sentNormal.get(h.sentNormal.size() - 1);
      assertEquals(5_000, covering.getWindowToMs());
      assertEquals(10, covering.getEstimatedWork() / 2, "the plan that covers them counts them: 10 events x 2 properties");
      assertEquals(0, h.state(W).getEventsTotal() - h.state(W).getEventsTotalAtCursor());
    }
  }

  @Test
  void aProgressRecordReadTwiceIsCountedOnce() {
    try (PlannerHarness h = harness(2)) {
      h.ingestedOn(0, W, 10, 10, 5_000, 5_000);
      h.ingestedOn(0, W, 10, 10, 5_000, 5_000); // the same record again (at-least-once)
      h.ingestedOn(1, W, 3, 3, 4_000, 4_000);
      h.ingestedOn(1, W, 2, 5, 4_500, 4_500);
      assertEquals(15, h.state(W).getEventsTotal());
      assertEquals(4_500, h.state(W).getWatermarkMs(), "the lower partition's watermark");
    }
  }

  @Test
  void aProgressRecordFromTheVersionThatRepartitionedByWorkspaceKeepsItsOwnWatermark() {
    try (PlannerHarness h = harness(3)) {
      // Written before the upgrade, still on the topic: its watermark was the workspace's own, and exact.
      h.ingestedOn(-1, W, 5, 5, 3_000, -1);
      assertEquals(3_000, h.state(W).getWatermarkMs());
      assertEquals(5, h.state(W).getEventsTotal());
    }
  }
}
