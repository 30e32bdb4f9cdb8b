package dev.granular.sink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compile.CompileBaseline;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.compute.AssignmentReader;
import dev.granular.sink.compute.ComputeEngine;
import dev.granular.sink.compute.ComputeResult;
import dev.granular.sink.compute.ComputeScope;
import dev.granular.sink.compute.ProcessingWindow;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.definitions.PropertyKind;
import dev.granular.sink.events.EventBatchWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a scenario against a migrated ClickHouse database, through the same ingest writer and compute engine
 * as production: the clock starts at {@code start}, {@code sleep} advances it, events are received at the
 * current clock, {@code compute} runs the window since the previous compute at the current clock.
 *
 * <p>A compute closes its millisecond: events or definition changes that follow a compute at the same clock
 * are received 1 ms later, and the clock moves with them. Processing time then never repeats across a
 * compute (as ingest's watermark guarantees in production), and each compute's as-of is its own.
 */
public final class ScenarioRunner {
  private final ClickHouse clickHouse;
  private final EventBatchWriter writer;
  private final ComputeEngine engine;
  private final AssignmentReader reader;

  public ScenarioRunner(ClickHouse clickHouse, RetryPolicy retryPolicy) {
    this.clickHouse = clickHouse;
    this.writer = new EventBatchWriter(clickHouse, retryPolicy);
    this.engine = new ComputeEngine(clickHouse, retryPolicy);
    this.reader = new AssignmentReader(clickHouse, retryPolicy);
  }

  public String database() {
    return clickHouse.database();
  }

  /** Runs every step; each compute's result goes to {@code out} as it is ready, and all are returned. */
  public List<ComputeStepResult> run(Scenario scenario, Consumer<ComputeStepResult> out) {
    String ws = scenario.workspaceId();
    Map<String, PropertyDefinition> definitions = new LinkedHashMap<>();
    scenario.definitions().forEach(d -> definitions.put(d.id(), d));
    CompileBaseline computed = CompileBaseline.empty(); // what the last compute made current
    long clock = scenario.startMs();
    long lastWindowEnd = -1;
    Long lastCompute = null;
    List<ComputeStepResult> results = new ArrayList<>();
    for (ScenarioStep step : scenario.steps()) {
      if (step instanceof ScenarioStep.Sleep sleep) {
        clock += sleep.ms();
        continue;
      }
      if (step instanceof ScenarioStep.Compute compute) {
        // Compiled against the last computed baseline, so leaves and properties changed since are redone.
        WorkspaceIndex index = ProfileCompiler.compile(ws, definitions.values(), computed);
        ComputeResult result = engine.compute(index, new ProcessingWindow(lastWindowEnd, clock), ComputeScope.all(), clock);
        computed = index.baseline();
        lastWindowEnd = clock;
        lastCompute = clock;
        ComputeStepResult stepResult = read(compute.index(), ws, definitions, clock, result);
        results.add(stepResult);
        out.accept(stepResult);
        continue;
      }
      if (lastCompute != null && lastCompute == clock) {
        clock++;
      }
      if (step instanceof ScenarioStep.Events events) {
        long receivedAt = clock;
        writer.write(events.events().stream().map(e -> e.receivedAt(receivedAt)).toList());
      } else if (step instanceof ScenarioStep.UpdateDefinitions update) {
        update.definitions().forEach(d -> definitions.put(d.id(), d));
      }
    }
    return results;
  }

  private ComputeStepResult read(int step, String ws, Map<String, PropertyDefinition> definitions, long now,
      ComputeResult result) {
    Set<String> known = reader.knownUsers(ws, now);
    AssignmentReader.Snapshot snapshot = reader.snapshot(ws);
    Map<String, Map<String, Boolean>> segments = new LinkedHashMap<>();
    Map<String, Map<String, JsonNode>> properties = new LinkedHashMap<>();
    for (PropertyDefinition d : definitions.values()) {
      if (d.kind() == PropertyKind.SEGMENT) {
        Set<String> members = snapshot.members().getOrDefault(d.id(), Set.of());
        Map<String, Boolean> byUser = new TreeMap<>();
        known.forEach(user -> byUser.put(user, members.contains(user)));
        segments.put(d.id(), byUser);
      } else {
        properties.put(d.id(), new TreeMap<>(snapshot.values().getOrDefault(d.id(), Map.of())));
      }
    }
    return new ComputeStepResult(step, now, segments, properties, known, result.changes());
  }
}
