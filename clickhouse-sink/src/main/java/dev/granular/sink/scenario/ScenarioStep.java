package dev.granular.sink.scenario;

import dev.granular.sink.definitions.PropertyDefinition;
import java.util.List;

/** One step of a scenario; {@code index} is its position in {@code steps}. */
public sealed interface ScenarioStep {

  int index();

  /** Events received at the current clock. */
  record Events(int index, List<ScenarioEvent> events) implements ScenarioStep {
    public Events {
      events = List.copyOf(events);
    }
  }

  /** Advances the clock. */
  record Sleep(int index, long ms) implements ScenarioStep {
  }

  /** Computes the window since the previous compute, at the current clock. */
  record Compute(int index) implements ScenarioStep {
  }

  /** Upserts definitions by id; changed ones are recomputed over all history at the next compute. */
  record UpdateDefinitions(int index, List<PropertyDefinition> definitions) implements ScenarioStep {
    public UpdateDefinitions {
      definitions = List.copyOf(definitions);
    }
  }
}
