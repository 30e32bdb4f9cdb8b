package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {
  private static int[] histogram(ZipfSampler zipf, int draws) {
    SplittableRandom random = new SplittableRandom(7);
    int[] counts = new int[zipf.size()];
    for (int i = 0; i < draws; i++) {
      counts[zipf.sample(random)]++;
    }
    return counts;
  }

  @Test
  void frequenciesFollowTheZipfLaw() {
    ZipfSampler zipf = new ZipfSampler(100, 1.0);
    int draws = 200_000;
    int[] counts = histogram(zipf, draws);
    for (int rank : new int[] {0, 1, 9, 99}) {
      double expected = zipf.probability(rank) * draws;
      assertEquals(expected, counts[rank], 5 * Math.sqrt(expected) + 1, "rank " + rank);
    }
    assertEquals(2.0, (double) counts[0] / counts[1], 0.1, "P(1)/P(2) = 2 for exponent 1");
  }

  @Test
  void exponentZeroIsUniform() {
    int[] counts = histogram(new ZipfSampler(10, 0), 100_000);
    for (int count : counts) {
      assertEquals(10_000, count, 500);
    }
  }

  @Test
  void everyDrawIsARankAndProbabilitiesSumToOne() {
    ZipfSampler zipf = new ZipfSampler(3, 2.5);
    int[] counts = histogram(zipf, 10_000);
    assertEquals(10_000, counts[0] + counts[1] + counts[2]);
    assertEquals(1.0, zipf.probability(0) + zipf.probability(1) + zipf.probability(2), 1e-12);
    assertTrue(counts[2] > 0, "the tail is still drawn");
  }

  @Test
  void rejectsAnEmptyRangeAndANegativeExponent() {
    assertThrows(IllegalArgumentException.class, () -> new ZipfSampler(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ZipfSampler(5, -1));
    assertThrows(IllegalArgumentException.class, () -> new ZipfSampler(5, Double.NaN));
  }
}
