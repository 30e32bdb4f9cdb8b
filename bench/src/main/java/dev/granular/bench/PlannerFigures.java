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
          .withNote(String.format(Locale.ROOT, "%d part(s) per plan; batches ranged %,.0f to %,.0f; %,d ticks measured;"
              + " measured loop, not JMH", r.partsPerPlan(), r.minPerSecond(), r.maxPerSecond(), r.ticks())));
    }
    return out;
  }
}
