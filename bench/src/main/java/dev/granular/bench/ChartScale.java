package dev.granular.bench;

/**
 * Maps a value onto a chart axis in pixels, linearly or logarithmically. P6's rates double from step to step, so
 * its x axis is logarithmic and the steps lie evenly spaced; freshness, on y, is linear so 10 s reads as 10 s.
 *
 * @param from the pixel of {@code min}; {@code to} the pixel of {@code max} (smaller than {@code from} on a y axis)
 */
record ChartScale(double min, double max, double from, double to, boolean log) {
  ChartScale {
    if (!(max > min) || (log && !(min > 0))) {
      throw new IllegalArgumentException("need max > min (and min > 0 on a log scale), got " + min + ".." + max);
    }
  }

  double at(double value) {
    double share = log ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
    return from + share * (to - from);
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}: a top of axis a reader can divide. */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("need a positive value, got " + value);
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= value * (1 - 1e-12)) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
