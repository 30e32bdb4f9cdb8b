package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workspace is compiled once per change, and the compute sink runs tasks on the planner's compile. */
class CompileOnceTest {
  private static final String W = "w";

  @Test
  void eachDefinitionChangeAndEachBaselineAdvanceIsCompiledOnceForPlannerAndSinkTogether() {
    try (PlannerHarness h = new PlannerHarness(Map.of("granular.planner.threshold", 1_000))) {
      h.segments(W, 3); // versions 1, 2, 3: one compile each, as the planner stores them
      assertEquals(3, h.metrics.planner().compileCount());
      h.ingested(W, 10, 1_000);
      h.tick(W, 5_000); // plans on version 3 (cached); the sink runs the task on the same compile
      h.settle(Duration.ofMillis(200));
      assertEquals(1_000, h.state(W).getCursorMs(), "the plan completed");
      assertEquals(3, h.metrics.planner().compileCount(), "neither the plan nor the sink compiled again");
      h.ingested(W, 5, 2_000);
      h.tick(W, 6_000); // the completed plan advanced the baseline: one compile, shared again
      h.settle(Duration.ofMillis(200));
      assertEquals(2_000, h.state(W).getCursorMs());
      assertEquals(2, h.ran.size(), "both tasks ran");
      assertEquals(4, h.metrics.planner().compileCount());
      assertSame(h.sharedCompile(W), h.ranOn.stream().reduce((a, b) -> b).orElseThrow(),
          "the sink ran the task on the planner's compile, not on one of its own");
      assertEquals(4, h.metrics.planner().compileCount(), "reading the shared compile compiled nothing");
    }
  }
}
