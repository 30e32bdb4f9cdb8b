package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.Plan;
import dev.granular.avro.PartStatus;
import dev.granular.avro.PlannerState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTopologyTest {
  private static final String W = "w";

  /** First plan of a workspace: everything is new, so its window starts at 0 over all properties. */
  private PlannerHarness primed(long threshold, int properties, long events) {
    PlannerHarness h = new PlannerHarness(Map.of("granular.planner.threshold", threshold));
    h.segments(W, properties);
    h.ingested(W, events, 1_000);
    return h;
  }

  @Test
  void workEqualToTheThresholdIsOneNormalTask() {
    try (PlannerHarness h = primed(40, 4, 10)) {
      h.tick(W, 5_000);
      h.collect();
      assertEquals(1, h.sentNormal.size());
      assertTrue(h.sentPriority.isEmpty());
      ComputeTask task = h.sentNormal.get(0);
      assertEquals(40, task.getEstimatedWork());
      assertEquals(0, task.getWindowFromMs());
      assertEquals(1_000, task.getWindowToMs(), "window ends at the watermark, not at now");
      assertEquals(5_000, task.getNowMs());
      assertEquals(List.of(), task.getPropertyIds(), "one task covers every property");
    }
  }

  @Test
  void workOneAboveTheThresholdIsSplitOntoThePriorityTopicWithEveryPartWithinIt() {
    try (PlannerHarness h = primed(40, 41, 1)) { // one event x 41 properties = T + 1
      h.tick(W, 5_000);
      h.collect();
      assertTrue(h.sentNormal.isEmpty());
      assertTrue(h.sentPriority.size() >= 2, "split: " + h.sentPriority.size());
      Set<String> covered = new HashSet<>();
      for (ComputeTask part : h.sentPriority) {
        assertTrue(part.getEstimatedWork() <= 40, "part " + part.getPart() + " estimated " + part.getEstimatedWork());
        assertEquals(h.sentPriority.size(), part.getParts());
        covered.addAll(part.getPropertyIds());
      }
      assertEquals(41, covered.size(), "the parts cover every property");
    }
  }

  @Test
  void definitionsReachTheGlobalCopyOnlyWhenAPartLeavesTheirPartitionAndOncePerStoredValue() {
    try (PlannerHarness h = primed(40, 4, 10)) { // 4 definitions received, then a plan of one normal task
      h.tick(W, 5_000);
      h.settle(Duration.ofSeconds(1));
      assertEquals(List.of(), h.published(), "no part left the partition");
      h.segments(W, 41); // 37 new definitions: the next plan splits
      h.ingested(W, 1, 6_000);
      h.tick(W, 7_000);
      h.collect();
      var first = h.published();
      assertEquals(1, first.size(), "one copy before the parts, not one per definition received");
      long partsVersion = h.sentPriority.get(0).getDefinitionsVersion();
      assertEquals(partsVersion, first.get(0).getVersion());
      assertEquals(41, first.get(0).getDefinitions().size());
      h.settle(Duration.ofSeconds(1)); // completes: the stored baseline moves on, so the next split publishes it
      h.ingested(W, 1, 8_000);
      h.tick(W, 9_000);
      h.settle(Duration.ofSeconds(1));
      var second = h.published();
      assertEquals(1, second.size());
      assertEquals(h.sharedCompile(W).stamp(), dev.granular.app.definitions.CompiledWorkspace.Stamp.of(second.get(0)));
      h.ingested(W, 1, 10_000);
      h.tick(W, 11_000);
      h.settle(Duration.ofSeconds(1));
      assertTrue(h.sentPriority.size() > 2 * first.size(), "three split plans ran");
      assertEquals(List.of(), h.published(), "the same stored value is not published twice");
    }
  }

  @Test
  void manyEventsAreSplitIntoUserBucketsCoveringEveryBucketOnce() {
    try (PlannerHarness h = primed(100, 4, 1_000)) { // 4,000 > 100
      h.tick(W, 5_000);
      h.collect();
      List<ComputeTask> parts = h.sentPriority;
      assertEquals(40, parts.size());
      Set<Integer> buckets = new HashSet<>();
      for (ComputeTask p : parts) {
        assertTrue(p.getEstimatedWork() <= 100);
        assertEquals(40, p.getUserBuckets());
        buckets.add(p.getUserBucket());
      }
      assertEquals(40, buckets.size());
    }
  }

  @Test
  void aCompletedSplitPlanIsKeptAsASummaryOfItsPartsSoTheStateStaysSmall() {
    try (PlannerHarness h = primed(100, 4, 1_000)) {
      h.tick(W, 5_000);
      h.collect();
      assertEquals(40, h.sentPriority.size());
      for (int i = 0; i < 200 && h.state(W).getInFlight() != null; i++) {
        h.settle(Duration.ofSeconds(1));
      }
      PlannerState s = h.state(W);
      assertNull(s.getInFlight(), "every part ran");
      Plan done = s.getCompleted().get(0);
      assertEquals(List.of(), done.getParts(), "parts are dropped on completion");
      assertEquals(40, done.getPartWork().size());
      assertEquals(h.sentPriority.stream().map(ComputeTask::getEstimatedWork).toList(), done.getPartWork());
      assertTrue(done.getFinishedAtMs() > 0, "the last part's finish time is kept");
      int bytes = new dev.granular.app.serde.AvroSerde<>(PlannerState.class).serializer().serialize("t", s).length;
      assertTrue(bytes < 1_000, "state of a workspace after a 40-part plan: " + bytes + " bytes");
    }
  }

  @Test
  void aSingleEventOfASinglePropertyAboveTheThresholdIsOneIndivisiblePriorityPart() {
    try (PlannerHarness h = primed(0, 1, 1)) {
      h.tick(W, 5_000);
      h.collect();
      assertEquals(1, h.sentPriority.size());
      assertEquals(1, h.sentPriority.get(0).getEstimatedWork(), "cannot go below one event of one property");
    }
  }

  @Test
  void ticksWhileAPlanIsInFlightCoalesceIntoOneFollowUpPlan() {
    try (PlannerHarness h = primed(1_000, 2, 10)) {
      h.fails = t -> true; // keep the first plan in flight
      h.tick(W, 5_000);
      h.ingested(W, 5, 2_000);
      h.tick(W, 6_000);
      h.tick(W, 7_000);
      h.collect();
      assertEquals(1, h.sentNormal.size(), "one plan in flight, further ticks only coalesce");
      assertEquals(7_000L, h.state(W).getPendingTick());
      h.fails = t -> false;
      for (int i = 0; i < 4; i++) {
        h.settle(Duration.ofSeconds(1)); // the retry goes out and succeeds; the coalesced tick then plans at once
      }
      PlannerState s = h.state(W);
      assertEquals(3, h.sentNormal.size(), "first attempt, its retry, then the coalesced plan: " + h.sentNormal);
      ComputeTask followUp = h.sentNormal.get(2);
      assertEquals(1_000, followUp.getWindowFromMs());
      assertEquals(2_000, followUp.getWindowToMs());
      assertEquals(7_000, followUp.getNowMs());
      assertNull(s.getPendingTick());
    }
  }

  @Test
  void theSameTickReadAgainAfterARestartIsIgnored() {
    try (PlannerHarness h = primed(1_000, 2, 10)) {
      h.fails = t -> true; // keep the plan in flight
      h.tick(W, 5_000);
      h.tick(W, 5_000); // a replay of the very same record
      h.collect();
      assertEquals(1, h.sentNormal.size());
      assertNull(h.state(W).getPendingTick(), "a replayed tick must not queue a second plan");
    }
  }

  @Test
  void theCursorAdvancesOnlyWhenTheLastPartSucceeded() {
    try (PlannerHarness h = primed(10, 2, 20)) { // 40 > 10: parts
      h.fails = t -> t.getPart() == 0 && t.getAttempt() == 1;
      h.tick(W, 5_000);
      // The retrying part keeps one of the plan's K places, so the others go one at a time; all within the
      // retry's 1 s backoff.
      for (int i = 0; i < 10 && !h.state(W).getInFlight().getParts().stream().skip(1).allMatch(p -> p.getStatus() == PartStatus.DONE); i++) {
        h.settle(Duration.ofMillis(50));
      }
      PlannerState s = h.state(W);
      assertNotNull(s.getInFlight());
      assertEquals(0, s.getCursorMs(), "part 0 failed: the cursor stays");
      assertTrue(s.getInFlight().getParts().stream().skip(1).allMatch(p -> p.getStatus() == PartStatus.DONE));
      assertEquals(PartStatus.RETRYING, s.getInFlight().getParts().get(0).getStatus());

      for (int i = 0; i < 4; i++) {
        h.settle(Duration.ofSeconds(1)); // the retry goes out and succeeds
      }
      s = h.state(W);
      assertNull(s.getInFlight());
      assertEquals(1_000, s.getCursorMs());
      assertEquals(1, s.getCompleted().size());
    }
  }

  @Test
  void aPartFailingEveryAttemptParksThePlanWithADeadLetterAndKeepsTheCursor() {
    try (PlannerHarness h = primed(1_000, 1, 5)) {
      h.fails = t -> true;
      h.tick(W, 5_000);
      for (int i = 0; i < 6; i++) {
        h.settle(Duration.ofSeconds(5));
      }
      PlannerState s = h.state(W);
      assertTrue(s.getInFlight().getParked());
      assertEquals(PartStatus.PARKED, s.getInFlight().getParts().get(0).getStatus());
      assertEquals(0, s.getCursorMs());
      assertEquals(3, h.ran.size(), "three attempts, then parked: nothing more is sent");
      assertEquals(1, h.deadLetters().size());
      assertEquals(1.0, h.metrics.planner().parkedCount());

      h.fails = t -> false;
      h.tick(W, 9_000, Planner.RETRY_PARKED);
      h.settle(Duration.ofMillis(200));
      assertFalse(h.state(W).getInFlight() != null, "an operator's retry-parked tick runs it again");
      assertEquals(1_000, h.state(W).getCursorMs());
    }
  }

  @Test
  void theWindowNeverPassesTheIngestWatermark() {
    try (PlannerHarness h = primed(1_000, 1, 5)) {
      h.tick(W, 500); // now before the watermark: window ends at now
      h.settle(Duration.ofMillis(200));
      assertEquals(500, h.sentNormal.get(0).getWindowToMs());
      h.tick(W, 900_000); // now far past the watermark: window ends at the watermark
      h.settle(Duration.ofMillis(200));
      assertEquals(1_000, h.sentNormal.get(1).getWindowToMs());
      assertEquals(1_000, h.state(W).getCursorMs());
      h.tick(W, 901_000); // nothing new
      h.settle(Duration.ofMillis(200));
      assertEquals(2, h.sentNormal.size(), "a tick with nothing new is a no-op");
    }
  }
}
