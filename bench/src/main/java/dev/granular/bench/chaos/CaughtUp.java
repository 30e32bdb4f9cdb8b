package dev.granular.bench.chaos;

import dev.granular.app.config.AppConfig;
import dev.granular.app.planner.Planner;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.avro.PlannerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The moment a run has caught up: every input event committed, and every workspace's cursor (moved only when a
 * plan completed) at its ingest watermark on its current definitions, twice in a row (so a watermark still moving
 * is not mistaken for the end). A plan may be in flight then: time-dependent properties are recomputed on every
 * tick, with no new events, and write nothing while no answer changes.
 */
final class CaughtUp {
  private CaughtUp() {}

  /** @return the wall time it first held; throws if it does not within {@code timeout} */
  static long await(AppConfig config, LagWatch lag, List<String> workspaces, Duration timeout, Runnable check)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    Map<String, Long> previous = null;
    long since = 0;
    try (PlannerFollower planner = new PlannerFollower(config)) {
      while (System.currentTimeMillis() < deadline) {
        check.run();
        Map<String, Long> watermarks = null;
        if (lag.current() == 0) {
          planner.refresh();
          watermarks = computedWatermarks(planner, workspaces);
        }
        if (watermarks != null && watermarks.equals(previous)) {
          return since;
        }
        if (watermarks != null && previous == null) {
          since = System.currentTimeMillis();
        }
        previous = watermarks;
        Thread.sleep(2_000); // a poll interval: each poll reads the broker, whatever the run is doing
      }
    }
    throw new IllegalStateException("not caught up within " + timeout.toMinutes() + " minutes");
  }

  /** Each workspace's watermark when all are computed up to it; null while any is not. */
  private static Map<String, Long> computedWatermarks(PlannerFollower planner, List<String> workspaces) {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (String w : workspaces) {
      PlannerState s = planner.state(w);
      if (s == null || !Planner.computedAllDurable(s) || s.getComputedVersion() != s.getDefinitionsVersion()
          || s.getComputedVersion() == 0) {
        return null;
      }
      out.put(w, s.getWatermarkMs());
    }
    return out;
  }

  /** The durable-event totals the app reports (status, HTTP API), summed over the workspaces. */
  static long countedEvents(AppConfig config, List<String> workspaces) {
    Map<String, PlannerState> states = PlannerSnapshot.read(config).states();
    return workspaces.stream().mapToLong(w -> states.containsKey(w) ? states.get(w).getEventsTotal() : 0).sum();
  }
}
