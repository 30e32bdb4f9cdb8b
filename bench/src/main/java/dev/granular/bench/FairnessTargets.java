package dev.granular.bench;

import java.util.Locale;

/**
 * P1's judged figures: the whale's lag and the largest task, and the rule for lags that may be censored (a lower
 * bound): a target is met only on an exact value and missed only against an exact bound.
 */
final class FairnessTargets {
  private FairnessTargets() {}

  /** The bound on a split whale's lag, in small workspaces' p50 lags. */
  static final int WHALE_LAG_FACTOR = 3;

  /**
   * A whale whose plan was parked, or that no plan covered, has no lag at all, not the time it was watched: it is
   * "never fresh", which misses a target that wanted a lag.
   */
  static Figure whale(FairnessResult r, String c) {
    String name = c + " whale freshness lag (median of windows)";
    Freshness.Stats w = r.whale();
    long bound = WHALE_LAG_FACTOR * r.small().p50();
    String target = String.format(Locale.ROOT, "≤ %d × small p50 = %,d ms", WHALE_LAG_FACTOR, bound);
    Figure whale;
    if (r.whaleParked().isPresent()) {
      FairnessAnalysis.Parked parked = r.whaleParked().get();
      whale = Figure.state("P1", name, "never fresh", "ms", String.format(Locale.ROOT, "parked after %d attempts (%s);"
          + " %d of its %d measured ticks were never covered", parked.attempts(), shorten(parked.reason()), w.censored(), w.count()));
    } else if (w.censored() == w.count()) {
      whale = Figure.state("P1", name, "never fresh", "ms", String.format(Locale.ROOT, "no plan covered any of its %d ticks"
          + " within the window timeout", w.count()));
    } else {
      whale = FairnessFigures.lag(name, w.p50(), w).withNote(String.format(Locale.ROOT, "worst window %,d ms", w.max()));
      return r.config() == FairnessConfig.SPLIT ? atMost(whale, target, bound, w, r.small()) : whale;
    }
    return r.config() == FairnessConfig.SPLIT ? whale.missing(target) : whale;
  }

  private static String shorten(String reason) {
    return reason.length() > 160 ? reason.substring(0, 160) + "…" : reason;
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
