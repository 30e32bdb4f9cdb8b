package dev.granular.bench;

import java.util.Locale;

/**
 * P1's judged figures: the whale's lag and the largest task, and the rule for lags that may be censored (a lower
 * bound): a target is met only on an exact value and missed only against an exact bound.
 */
final class FairnessTargets {
  private FairnessTargets() {}

  /** A whale no plan ever covered has no lag at all, not the time it was watched: that is "not measured". */
  static Figure whale(FairnessResult r, String c) {
    String name = c + " whale freshness lag (median of windows)";
    Freshness.Stats w = r.whale();
    if (w.censored() == w.count()) {
      return Figure.notMeasured("P1", name, "ms", String.format(Locale.ROOT, "the whale never became fresh: no plan covered"
          + " any of its %d ticks within the window timeout", w.count()));
    }
    Figure whale = FairnessFigures.lag(name, w.p50(), w).withNote(String.format(Locale.ROOT, "worst window %,d ms", w.max()));
    if (r.config() != FairnessConfig.SPLIT) {
      return whale;
    }
    long bound = 5 * r.small().p50();
    return atMost(whale, String.format(Locale.ROOT, "≤ 5 × small p50 = %,d ms", bound), bound, w, r.small());
  }

  static Figure work(FairnessResult r, String c) {
    String name = c + " largest single-task work";
    if (r.maxTaskWork().isEmpty()) {
      return Figure.notMeasured("P1", name, "events x properties", "no compute task was sent");
    }
    long max = r.maxTaskWork().getAsLong();
    Figure work = Figure.of("P1", name, max, "events x properties").withNote(String.format(Locale.ROOT,
        "T = %,d; %.2f T; up to %d parts per plan", r.threshold(), (double) max / r.threshold(), r.maxPartsPerPlan()));
    return r.config().split ? work.atMost("≤ T", r.threshold()) : work;
  }

  /**
   * {@code value ≤ bound}, where either side may be only a lower bound of the truth (censored lags): met only if
   * the value is exact, missed only if the bound is, otherwise not decidable.
   */
  static Figure atMost(Figure f, String target, double bound, Freshness.Stats value, Freshness.Stats boundFrom) {
    if (f.value() <= bound && value.exact()) {
      return f.against(target, true);
    }
    if (f.value() > bound && boundFrom.exact()) {
      return f.against(target, false);
    }
    return f.undecided(target, "lower bounds on one side or the other: the target cannot be judged");
  }
}
