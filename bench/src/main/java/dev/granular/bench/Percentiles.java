package dev.granular.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles: every reported figure is a value that was actually observed, never interpolated. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The smallest observed value with at least {@code q} of the observations at or below it.
   *
   * @param q between 0 (exclusive) and 1 (inclusive), e.g. 0.99
   */
  public static long of(Collection<Long> values, double q) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no observations");
    }
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in (0, 1], got " + q);
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length); // 1-based
    return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
  }

  public static long median(Collection<Long> values) {
    return of(values, 0.5);
  }
}
