package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessTest {
  @Test
  void percentilesAreNearestRankSoEveryFigureWasObserved() {
    List<Long> hundred = new ArrayList<>();
    for (long i = 100; i >= 1; i--) {
      hundred.add(i);
    }
    assertEquals(50, Percentiles.median(hundred));
    assertEquals(99, Percentiles.of(hundred, 0.99));
    assertEquals(100, Percentiles.of(hundred, 1.0));
    assertEquals(1, Percentiles.of(hundred, 0.001));
    assertEquals(7, Percentiles.of(List.of(7L), 0.99));
    assertEquals(20, Percentiles.median(List.of(30L, 10L, 20L)));
    assertEquals(20, Percentiles.median(List.of(40L, 10L, 20L, 30L)), "nearest rank takes the lower middle");
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(List.of(), 0.5));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(List.of(1L), 0));
  }

  @Test
  void aTickIsCoveredByTheFirstPlanWhoseTickIsAtOrAfterIt() {
    List<Freshness.Completion> plans = List.of(new Freshness.Completion(1_000, 1_800), new Freshness.Completion(5_000, 9_000));
    Freshness.Lag own = Freshness.lag("w", 1_000, plans, 20_000);
    assertEquals(800, own.lagMs());
    assertFalse(own.censored());
    // A tick at 3,000 arrived while nothing covered it yet; the next plan (tick 5,000) covers its window too.
    assertEquals(6_000, Freshness.lag("w", 3_000, plans, 20_000).lagMs());
  }

  @Test
  void aCoalescedTickCountsFromItsOwnTimeNotFromThePlansTick() {
    // Ticks at 2,000 and 2,500 came while a plan was in flight; one plan carrying the latest (2,500) served both.
    List<Freshness.Completion> plans = List.of(new Freshness.Completion(2_500, 4_000));
    assertEquals(2_000, Freshness.lag("w", 2_000, plans, 10_000).lagMs());
    assertEquals(1_500, Freshness.lag("w", 2_500, plans, 10_000).lagMs());
  }

  @Test
  void theEarliestCompletionCountsEvenIfPlansAreListedOutOfOrder() {
    List<Freshness.Completion> plans = List.of(new Freshness.Completion(7_000, 9_500), new Freshness.Completion(6_000, 6_400));
    assertEquals(400, Freshness.lag("w", 6_000, plans, 10_000).lagMs());
  }

  @Test
  void aTickNoPlanCoveredIsCensoredAtTheTimeObserved() {
    Freshness.Lag lag = Freshness.lag("whale", 10_000, List.of(new Freshness.Completion(9_000, 9_900)), 130_000);
    assertTrue(lag.censored());
    assertEquals(120_000, lag.lagMs());
  }

  @Test
  void statsCountCensoredLagsWithTheirLowerBound() {
    List<Freshness.Lag> lags = new ArrayList<>();
    for (int i = 1; i <= 99; i++) {
      lags.add(new Freshness.Lag("w" + i, 0, i * 10L, false));
    }
    lags.add(new Freshness.Lag("whale", 0, 120_000, true));
    Freshness.Stats stats = Freshness.stats(lags);
    assertEquals(100, stats.count());
    assertEquals(500, stats.p50());
    assertEquals(990, stats.p99());
    assertEquals(120_000, stats.max());
    assertEquals(1, stats.censored());
    assertFalse(stats.exact());
  }
}
