package dev.granular.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * P6's sizes: the workspaces (the last of them the whale), the range each one's number of computed properties is
 * drawn from, how skewed their sizes are, and the offered rates stepped through in order, each held for a warm-up
 * and then a measured period.
 *
 * @param workspaces    all of them, the whale included
 * @param workspaceSkew      Zipf exponent of the workspaces' shares of the traffic; rank 0 is the whale
 * @param definitionsTimeout how long the app may take to read every definition before the steps start anyway: the
 *                           app compiles a workspace once per definition, so this grows with properties squared
 */
public record CapacitySize(int workspaces, int minProperties, int maxProperties, double workspaceSkew, List<Long> rates,
    Duration warmUp, Duration measured, Duration definitionsTimeout) {

  public CapacitySize {
    rates = List.copyOf(rates);
    if (workspaces < 2 || rates.isEmpty() || measured.isZero() || measured.isNegative() || warmUp.isNegative()) {
      throw new IllegalArgumentException("P6 needs a whale and a small workspace, a rate and a measured period");
    }
    for (int i = 1; i < rates.size(); i++) {
      if (rates.get(i) <= rates.get(i - 1)) {
        throw new IllegalArgumentException("P6 rates must rise, got " + rates);
      }
    }
  }

  /** 5K, 10K, 20K, …: {@code steps} rates, each twice the one before, as the issue steps them. */
  static List<Long> doubling(long first, int steps) {
    return java.util.stream.LongStream.iterate(first, r -> r * 2).limit(steps).boxed().toList();
  }

  String describe() {
    return String.format(Locale.ROOT, "%,d workspaces (1 whale), Zipf sizes (exponent %.1f); %d to %d computed properties"
        + " each; offered rates %s events/s; each step %d s warm-up + %d s measured + 10 s tail", workspaces, workspaceSkew,
        minProperties, maxProperties, rates.stream().map(r -> String.format(Locale.ROOT, "%,d", r)).toList(),
        warmUp.toSeconds(), measured.toSeconds());
  }
}
