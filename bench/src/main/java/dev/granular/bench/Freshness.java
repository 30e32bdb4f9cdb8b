package dev.granular.bench;

import java.util.List;

/**
 * Freshness lag: from a tick to the moment the workspace's cursor covers that tick's window. A plan for a tick
 * at t evaluates the window up to min(t, watermark), so any plan whose tick is at or after t covers it; ticks
 * that arrive while a plan is in flight are coalesced into the next plan, which carries the latest of them.
 * The lag of a tick is therefore measured to the earliest completion among plans with tickAtMs >= t.
 */
public final class Freshness {
  private Freshness() {}

  /** A completed plan: the tick it served and when its last part finished (the cursor moves one Kafka hop later). */
  public record Completion(long tickAtMs, long completedAtMs) {}

  /**
   * One tick's lag. Censored when no plan covered the tick before observation ended: the lag is then the time
   * observed so far, a lower bound, and the report says so.
   */
  public record Lag(String workspaceId, long tickAtMs, long lagMs, boolean censored) {}

  /** Percentiles over a set of lags; censored lags enter with their lower bound. */
  public record Stats(int count, long p50, long p99, long max, int censored) {
    public boolean exact() {
      return censored == 0;
    }
  }

  public static Lag lag(String workspaceId, long tickAtMs, List<Completion> completions, long observedUntilMs) {
    long earliest = Long.MAX_VALUE;
    for (Completion c : completions) {
      if (c.tickAtMs() >= tickAtMs) {
        earliest = Math.min(earliest, c.completedAtMs());
      }
    }
    if (earliest == Long.MAX_VALUE) {
      return new Lag(workspaceId, tickAtMs, Math.max(0, observedUntilMs - tickAtMs), true);
    }
    return new Lag(workspaceId, tickAtMs, Math.max(0, earliest - tickAtMs), false);
  }

  public static Stats stats(List<Lag> lags) {
    if (lags.isEmpty()) {
      throw new IllegalArgumentException("no ticks observed");
    }
    List<Long> values = lags.stream().map(Lag::lagMs).toList();
    int censored = (int) lags.stream().filter(Lag::censored).count();
    return new Stats(values.size(), Percentiles.median(values), Percentiles.of(values, 0.99),
        values.stream().mapToLong(Long::longValue).max().orElseThrow(), censored);
  }
}
