package dev.granular.bench;

import java.util.List;
import java.util.OptionalLong;

/**
 * What one P6 run measured: every step it ran, in order (the last one the one that did not hold, unless every
 * step held), out of how many the size planned, and the app's peak RSS over the whole run.
 */
record CapacityResult(List<CapacityStep> steps, int planned, OptionalLong peakRssBytes, List<String> notes) {
  CapacityResult {
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
  }
}
