package dev.granular.sink.scenario;

import dev.granular.sink.definitions.PropertyDefinition;
import java.util.List;

/** A parsed {@code evaluate} scenario: the workspace, the clock's start, the initial definitions and the steps. */
public record Scenario(String workspaceId, long startMs, List<PropertyDefinition> definitions, List<ScenarioStep> steps) {
  public Scenario {
    definitions = List.copyOf(definitions);
    steps = List.copyOf(steps);
  }
}
