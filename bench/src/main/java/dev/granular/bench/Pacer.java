package dev.granular.bench;

/**
 * A token schedule for an offered rate: the n-th record (from 1) is due at start + n / rate. How many are due
 * depends only on the time elapsed, so a producer that fell behind catches up in a burst instead of drifting to a
 * lower rate, and one that cannot catch up shows in the achieved rate.
 */
record Pacer(double ratePerSecond) {
  Pacer {
    if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
    }
  }

  /** Records due once {@code elapsedNanos} have passed since the start: ⌊rate × elapsed⌋. */
  long due(long elapsedNanos) {
    return (long) Math.floor(ratePerSecond * Math.max(0, elapsedNanos) / 1e9);
  }
}
