package dev.granular.bench.load;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with P(k) proportional to 1/(k+1)^s: a few hot users or event names and a long tail.
 * Immutable, so one table serves every workspace of the same size; the caller owns the randomness.
 */
public final class ZipfSampler {
  private final double[] cumulative;

  public ZipfSampler(int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("a Zipf sampler needs at least one rank, got " + n);
    }
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("the Zipf exponent must be finite and >= 0, got " + exponent);
    }
    cumulative = new double[n];
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += StrictMath.pow(k + 1, -exponent); // StrictMath: the same table on every JVM and CPU
      cumulative[k] = total;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= total;
    }
    cumulative[n - 1] = 1.0; // rounding must not leave a gap at the top
  }

  public int size() {
    return cumulative.length;
  }

  /** A rank; rank k covers the interval (cumulative[k-1], cumulative[k]]. */
  public int sample(SplittableRandom random) {
    int found = Arrays.binarySearch(cumulative, random.nextDouble());
    return found >= 0 ? found : Math.min(-found - 1, cumulative.length - 1);
  }

  public double probability(int rank) {
    return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
  }
}
