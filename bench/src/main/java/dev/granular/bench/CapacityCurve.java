package dev.granular.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * P6's reading of its steps, pure so it is tested without services: what each step showed, when to stop stepping,
 * the highest offered rate that held, and that rate judged against the target.
 */
final class CapacityCurve {
  static final long TARGET_P99_MS = 10_000;
  static final long TARGET_RATE = 20_000;
  static final String NAME = "highest offered rate holding small-workspace p99 freshness ≤ 10 s";
  static final String TARGET = "≥ 20,000 events/s";

  /** HELD: p99 ≤ 10 s and ingest no more than 10 s behind; NOT_MEASURED: no small workspace's plan completed. */
  enum Outcome { HELD, MISSED, NOT_MEASURED }

  private CapacityCurve() {}

  /**
   * A backlog of more than 10 s of events means the newest ones are already older than the target when the app
   * reads them, whatever the completed plans say; an unreadable backlog leaves the judgement to p99 alone.
   */
  static Outcome outcome(CapacityStep step) {
    if (step.freshness() == null) {
      return Outcome.NOT_MEASURED;
    }
    boolean fresh = step.freshness().p99() <= TARGET_P99_MS;
    boolean keptUp = step.backlogSeconds().isEmpty() || step.backlogSeconds().getAsDouble() <= TARGET_P99_MS / 1000.0;
    return fresh && keptUp ? Outcome.HELD : Outcome.MISSED;
  }

  /** A higher rate cannot hold where this one did not, and one that cannot be measured tells nothing more. */
  static boolean stopAfter(CapacityStep step) {
    return outcome(step) != Outcome.HELD;
  }

  /** The offered rate of the last step that held before the first that did not; empty when the first did not. */
  static OptionalLong highest(List<CapacityStep> steps) {
    OptionalLong best = OptionalLong.empty();
    for (CapacityStep s : steps) {
      if (outcome(s) != Outcome.HELD) {
        break;
      }
      best = OptionalLong.of(s.offeredRate());
    }
    return best;
  }

  /** @param planned how many rates the size steps through, to tell "stopped because one missed" from "ran out" */
  static Figure figure(List<CapacityStep> steps, int planned) {
    if (steps.isEmpty()) {
      return Figure.notMeasured("P6", NAME, "events/s", "no step ran");
    }
    OptionalLong best = highest(steps);
    CapacityStep first = steps.get(0);
    if (best.isEmpty()) {
      String lowest = rate(first.offeredRate());
      // Below the lowest step: no number, but against a higher target it is a miss all the same.
      return outcome(first) == Outcome.MISSED && first.offeredRate() <= TARGET_RATE
          ? Figure.state("P6", NAME, "below " + lowest, "events/s", "even the lowest step, " + lowest
              + " events/s, did not hold: " + why(first)).missing(TARGET)
          : Figure.notMeasured("P6", NAME, "events/s", "the lowest step, " + lowest + " events/s: " + why(first));
    }
    Figure f = Figure.of("P6", NAME, best.getAsLong(), "events/s");
    if (steps.size() < planned || outcome(steps.get(steps.size() - 1)) != Outcome.HELD) {
      CapacityStep next = steps.get(steps.size() - 1);
      return f.atLeast(TARGET, TARGET_RATE).withNote("the next step, " + rate(next.offeredRate()) + " events/s: "
          + why(next));
    }
    f = f.withNote("every step held: the capacity is at least this, the steps ended at the last configured rate");
    return best.getAsLong() >= TARGET_RATE ? f.atLeast(TARGET, TARGET_RATE)
        : f.undecided(TARGET, "a lower bound below the target");
  }

  /** Why a step did not hold, for the notes. */
  static String why(CapacityStep s) {
    if (s.freshness() == null) {
      return "no small workspace's plan completed in the measured period";
    }
    String text = String.format(Locale.ROOT, "p99 %.1f s", s.freshness().p99() / 1000.0);
    if (s.backlogSeconds().isPresent()) {
      text += String.format(Locale.ROOT, ", ingest %.1f s behind", s.backlogSeconds().getAsDouble());
    }
    return text;
  }

  private static String rate(long r) {
    return String.format(Locale.ROOT, "%,d", r);
  }
}
