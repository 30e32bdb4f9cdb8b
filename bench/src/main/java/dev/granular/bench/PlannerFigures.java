package dev.granular.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** P4's figures: ticks planned per second on one thread, against the 100K. */
final class PlannerFigures {
  static final double TARGET = 100_000;

  private PlannerFigures() {}

  static List<Figure> of(List<PlannerThroughput.Result> results) {
    List<Figure> out = new ArrayList<>();
    for (PlannerThroughput.Result r : results) {
      out.add(Figure.of("P4", "ticks planned per second, one thread, " + r.label(), r.ticksPerSecond(), "ticks/s")
          .against("≥ 100,000 ticks/s", r.ticksPerSecond() >= TARGET)
          .withNote(String.format(Locale.ROOT, "%d part(s) per plan; JMH 1.37, 1 fork, %d warm-up and %d measured iterations"
              + " of %d ms; ± %,.0f (99.9%% interval)", r.partsPerPlan(), r.warmUps(), r.iterations(), r.iteration().toMillis(),
              r.error())));
    }
    return out;
  }
}
