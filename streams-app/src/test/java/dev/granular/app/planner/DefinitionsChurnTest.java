package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.definitions.CompiledWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Definitions that change while plans are in flight. The sink runs every task on the version stored when the
 * task runs, so a plan can complete on a version that is no longer stored; what the stored version treats as
 * maintained must then still be true. Found by `make chaos` (definitions churn): a segment deleted and restored
 * while a plan was in flight came back without the events of that plan's window.
 */
class DefinitionsChurnTest {
  private static final String W = "w";
  /** A segment whose leaf (a count of "bought" events) no other property reads. */
  private static final String S1 = "{\"workspaceId\":\"w\",\"id\":\"s1\",\"name\":\"s1\",\"type\":\"Segment\",\"definition\":"
      + "{\"entryNode\":{\"type\":\"Performed\",\"id\":\"1\",\"event\":\"bought\"},\"nodes\":[]}}";

  @Test
  void aPropertyDeletedAndRestoredWhilePlansWereInFlightIsBackfilledAndResolvedAgain() {
    try (PlannerHarness h = new PlannerHarness(Map.of("granular.planner.threshold", 1_000))) {
      h.segments(W, 1); // s0
      h.definition(W + "/s1", S1);
      h.ingested(W, 10, 1_000);
      h.tick(W, 5_000);
      h.settle(Duration.ofMillis(200)); // completed on the stored version: s0 and s1 are maintained
      String s1Leaf = h.sharedCompile(W).index().leavesOf("s1").iterator().next();

      h.ingested(W, 10, 2_000);
      h.tick(W, 6_000); // plan A, in flight
      h.definition(W + "/s1", null); // v3: s1 deleted
      h.settle(Duration.ofMillis(200)); // A completes, but on a version no longer stored
      h.ingested(W, 10, 3_000);
      h.tick(W, 7_000); // plan B runs on v3: s1's leaf is not updated over (2000, 3000]
      assertFalse(last(h).index().roots().containsKey("s1"), "plan B ran without s1");
      h.definition(W + "/s1", S1); // v4: s1 restored as it was
      h.settle(Duration.ofMillis(200)); // B completes on v3, no longer stored

      CompiledWorkspace restored = h.sharedCompile(W);
      assertTrue(restored.index().newLeaves().contains(s1Leaf), "s1's leaf missed plan B's window: it must be backfilled");
      assertEquals(List.of("s1"), restored.view().changedPropertyIds(), "s1's members were never resolved on v4");
      h.ingested(W, 10, 4_000);
      h.tick(W, 8_000);
      assertTrue(last(h).index().newLeaves().contains(s1Leaf), "the next task backfills it");
      h.settle(Duration.ofMillis(200));
      assertTrue(h.sharedCompile(W).index().newLeaves().isEmpty(), "and once a plan on v4 completed, it is maintained");
    }
  }

  private static CompiledWorkspace last(PlannerHarness h) {
    return h.ranOn.stream().reduce((a, b) -> b).orElseThrow();
  }
}
