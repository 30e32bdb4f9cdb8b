package dev.granular.app.cli;

import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.config.AppConfig;
import dev.granular.avro.PlannerState;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.compute.AssignmentReader;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyKind;
import java.util.Map;
import java.util.TreeSet;

/** Waits until every workspace with definitions is computed up to its ingest watermark, then shows segment sizes. */
final class ComputedSummary {
  private ComputedSummary() {}

  static boolean print(AppConfig config, ClickHouse clickHouse, long deadlineMs) throws InterruptedException {
    PlannerSnapshot snapshot = PlannerSnapshot.read(config);
    while (!allComputed(snapshot.states()) && System.currentTimeMillis() < deadlineMs) {
      Thread.sleep(1_000);
      snapshot = PlannerSnapshot.read(config);
    }
    AssignmentReader reader = new AssignmentReader(clickHouse, config.clickHouseRetry().policy());
    System.out.println("Computed properties (cursor = processing time computed up to; lag behind the ingest watermark):");
    for (PlannerState s : snapshot.states().values()) {
      var stored = snapshot.definitions().get(s.getWorkspaceId());
      if (stored == null || stored.getDefinitions().isEmpty()) {
        continue;
      }
      System.out.printf("  %s: %d properties, cursor lag %d ms, %d plans completed%n", s.getWorkspaceId(), s.getProperties(),
          Math.max(0, s.getWatermarkMs() - s.getCursorMs()), s.getCompleted().size());
      for (String property : new TreeSet<>(stored.getDefinitions().keySet())) {
        if (DefinitionParser.parse(stored.getDefinitions().get(property)).kind() == PropertyKind.SEGMENT) {
          System.out.printf("    segment %-22s %8d members%n", property, reader.segmentSizeEstimate(s.getWorkspaceId(), property));
        }
      }
    }
    return allComputed(snapshot.states());
  }

  private static boolean allComputed(Map<String, PlannerState> states) {
    return !states.isEmpty() && states.values().stream().filter(s -> s.getProperties() > 0)
        .allMatch(s -> s.getComputedVersion() > 0 && s.getInFlight() == null
            && dev.granular.app.planner.Planner.computedAllDurable(s));
  }
}
