package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.PlannerState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `granular backfill` rewinds the planner with a tick carrying rewindToMs, on the production topology. */
class PlannerRewindTest {
  private static final String W = "w";

  /** A workspace computed up to its watermark 1,000 (10 events, 2 properties), then 5 more events up to 2,000. */
  private static PlannerHarness computed() {
    PlannerHarness h = new PlannerHarness(Map.of("granular.planner.threshold", 1_000));
    h.segments(W, 2);
    h.ingested(W, 10, 1_000);
    h.tick(W, 5_000);
    h.settle(Duration.ofMillis(200));
    assertEquals(1_000, h.state(W).getCursorMs());
    h.ingested(W, 5, 2_000);
    return h;
  }

  @Test
  void aRewindToZeroRecomputesEverythingFromTheStart() {
    try (PlannerHarness h = computed()) {
      h.rewind(W, 6_000, 0);
      h.settle(Duration.ofMillis(200));
      ComputeTask task = h.sentNormal.get(h.sentNormal.size() - 1);
      assertEquals(0, task.getWindowFromMs(), "the window starts at the rewind point, not at the old cursor");
      assertEquals(2_000, task.getWindowToMs());
      assertEquals(15 * 2, task.getEstimatedWork(), "every durable event counts again");
      PlannerState s = h.state(W);
      assertNull(s.getInFlight());
      assertEquals(2_000, s.getCursorMs(), "the cursor ends at the watermark again");
    }
  }

  @Test
  void aRewindNeverMovesTheCursorForwardAndCountsEventsFromTheLastPlanEndingBeforeIt() {
    try (PlannerHarness h = computed()) {
      h.rewind(W, 6_000, 1_500); // past the cursor (1,000): an ordinary tick
      h.settle(Duration.ofMillis(200));
      ComputeTask first = h.sentNormal.get(h.sentNormal.size() - 1);
      assertEquals(1_000, first.getWindowFromMs(), "a rewind never moves the cursor forward");
      assertEquals(2_000, h.state(W).getCursorMs());
      h.rewind(W, 7_000, 1_000); // back to the end of the first plan, which knew the total there (10)
      h.settle(Duration.ofMillis(200));
      ComputeTask again = h.sentNormal.get(h.sentNormal.size() - 1);
      assertEquals(1_000, again.getWindowFromMs());
      assertEquals(2_000, again.getWindowToMs());
      assertEquals(5 * 2, again.getEstimatedWork(), "only the 5 events after the first plan's end count");
      assertEquals(3, h.sentNormal.size());
    }
  }

  @Test
  void aRewindWhileAPlanIsInFlightWaitsForItAndThenRecomputesFromTheRewindPoint() {
    try (PlannerHarness h = computed()) {
      h.fails = t -> t.getNowMs() == 6_000 && t.getAttempt() == 1; // keep that plan in flight until its retry
      h.tick(W, 6_000);
      h.collect();
      assertNotNull(h.state(W).getInFlight());
      h.rewind(W, 7_000, 0);
      assertEquals(0L, h.state(W).getPendingRewindMs(), "kept until the plan in flight completes");
      assertEquals(1_000, h.state(W).getCursorMs());
      for (int i = 0; i < 4; i++) {
        h.settle(Duration.ofSeconds(1)); // the retry succeeds, the plan completes, the rewind applies, a plan from 0 runs
      }
      PlannerState s = h.state(W);
      assertNull(s.getPendingRewindMs());
      ComputeTask last = h.sentNormal.get(h.sentNormal.size() - 1);
      assertEquals(0, last.getWindowFromMs(), "the plan after the rewind starts at 0: " + h.sentNormal);
      assertEquals(7_000, last.getNowMs());
      assertNull(s.getInFlight());
      assertEquals(2_000, s.getCursorMs());
    }
  }
}
