package dev.granular.app.planner;

import static dev.granular.app.metrics.Scrapes.assertSample;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.granular.app.metrics.GranularMetrics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner's and the sink's counters as Prometheus scrapes them, driven through the production topology. */
class PlannerMetricsTest {
  private static final long NOW = 61_000; // the sink's clock: every part finishes at this time

  @Test
  void plansSplitRatioCursorLagFreshnessAndParkedPartsAreScraped() {
    GranularMetrics metrics = GranularMetrics.prometheus();
    try (PlannerHarness h = new PlannerHarness(Map.of("granular.planner.threshold", 10), metrics, () -> NOW)) {
      h.fails = t -> t.getWorkspaceId().equals("doomed");
      h.segments("w", 2);
      h.ingested("w", 20, 1_000); // 20 events x 2 properties = 40 > T = 10: split
      h.tick("w", 5_000);
      settle(h, "w");
      h.ingested("w", 5, 2_000); // 5 x 2 = 10 = T: one task
      h.tick("w", 6_000);
      settle(h, "w");
      h.segments("new", 1); // definitions and no event yet: a plan over a window ending at 0
      h.tick("new", 6_500);
      settle(h, "new");
      h.segments("doomed", 1);
      h.ingested("doomed", 1, 500);
      h.tick("doomed", 7_000);
      for (int i = 0; i < 10 && !h.state("doomed").getInFlight().getParked(); i++) {
        h.settle(Duration.ofSeconds(5));
      }
      String scrape = metrics.scrape();
      assertSample(scrape, "granular_planner_plans_total", "", 4);
      assertSample(scrape, "granular_planner_plans_split_total", "", 1);
      assertSample(scrape, "granular_planner_split_ratio", "", 1.0 / 4);
      assertSample(scrape, "granular_planner_completed_total", "", 3);
      // Plans start from cursor 0 at watermark 1 s, from cursor 1 s at watermark 2 s, from 0 at 0 and from 0 at 0.5 s.
      assertSample(scrape, "granular_planner_cursor_lag_seconds_count", "", 4);
      assertSample(scrape, "granular_planner_cursor_lag_seconds_sum", "", 2.5);
      // Both of w's plans finished at 61 s; their windows ended at 1 s and 2 s. new's plan covered no event.
      assertSample(scrape, "granular_planner_freshness_seconds_count", "", 2);
      assertSample(scrape, "granular_planner_freshness_seconds_sum", "", 60 + 59);
      assertSample(scrape, "granular_planner_freshness_seconds_bucket", "le=\"30.0\"", 0);
      assertSample(scrape, "granular_planner_freshness_seconds_bucket", "le=\"60.0\"", 2);
      // doomed's one part failed its 3 attempts (max-attempts 3 in the harness): two retries, then parked.
      assertSample(scrape, "granular_planner_retries_total", "", 2);
      assertSample(scrape, "granular_planner_parked_total", "priority=\"false\"", 1);
      assertSample(scrape, "granular_planner_parked_total", "priority=\"true\"", 0);
      assertSample(scrape, "granular_dead_letters_total", "reason=\"parked\",source=\"tasks\"", 1);
      assertSample(scrape, "granular_sink_tasks_total", "outcome=\"failure\",priority=\"false\"", 3);
      assertSample(scrape, "granular_sink_tasks_total", "outcome=\"success\",priority=\"false\"", 2);
      double splitParts = h.sentPriority.size();
      assertSample(scrape, "granular_sink_tasks_total", "outcome=\"success\",priority=\"true\"", splitParts);
      assertSample(scrape, "granular_planner_parts_total", "", splitParts + 1 + 1 + 3);
      assertSample(scrape, "granular_sink_tasks_running", "priority=\"true\"", 0);
      assertSample(scrape, "granular_sink_concurrency_cap", "", 2);
    }
  }

  private static void settle(PlannerHarness h, String workspace) {
    for (int i = 0; i < 50 && h.state(workspace).getInFlight() != null; i++) {
      h.settle(Duration.ofSeconds(1));
    }
    h.collect();
    assertNull(h.state(workspace).getInFlight(), "the plan completed");
  }
}
