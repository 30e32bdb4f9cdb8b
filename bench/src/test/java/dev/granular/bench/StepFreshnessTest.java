package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepFreshnessTest {
  private static EventDelays.Bucket visible(long ms, long count) {
    return new EventDelays.Bucket(ms, false, count);
  }

  @Test
  void percentilesAreNearestRankOverEveryEventOfTheHistogram() {
    // 98 events at 1 s, 1 at 4 s, 1 at 12 s: p99 is the 99th smallest, 4 s; p50 1 s.
    Freshness.Stats s = StepFreshness.stats(List.of(visible(12_000, 1), visible(1_000, 98), visible(4_000, 1)), 0, 0);
    assertEquals(100, s.count());
    assertEquals(1_000, s.p50());
    assertEquals(4_000, s.p99());
    assertEquals(12_000, s.max());
    assertEquals(0, s.censored());
    // Rank ⌈q·n⌉: of three events the median is the second, and p99 the third.
    Freshness.Stats three = StepFreshness.stats(List.of(visible(1_000, 1), visible(2_000, 1), visible(3_000, 1)), 0, 0);
    assertEquals(2_000, three.p50());
    assertEquals(3_000, three.p99());
  }

  @Test
  void eventsNotCoveredOrNotEvenStoredCountAsCensoredLowerBounds() {
    List<EventDelays.Bucket> delays = List.of(visible(1_000, 97), new EventDelays.Bucket(15_000, true, 1));
    // Two more were sent on time but ClickHouse does not hold them: at least 10 s old when observed.
    Freshness.Stats s = StepFreshness.stats(delays, 2, 10_000);
    assertEquals(100, s.count());
    assertEquals(3, s.censored());
    assertEquals(10_000, s.p99(), "the 99th of 100 is one of the two missing ones");
    assertEquals(15_000, s.max());
  }

  @Test
  void noEventsIsNotMeasured() {
    assertNull(StepFreshness.stats(List.of(), 0, 10_000));
  }
}
