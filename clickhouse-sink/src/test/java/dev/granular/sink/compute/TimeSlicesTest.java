package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeSlicesTest {
  /** Walks the slices as WindowEvents does; returns how many there were, checking they tile [first, last]. */
  private static long walk(long first, long last, long count, int pageSize) {
    long step = TimeSlices.step(first, last, count, pageSize);
    long from = first;
    long slices = 0;
    while (true) {
      long to = TimeSlices.end(from, step, last);
      assertTrue(from <= to && to <= last, "slice [" + from + ", " + to + "]");
      slices++;
      if (to == last) {
        return slices;
      }
      from = to + 1;
    }
  }

  @Test
  void slicesTileTheSpanWithAboutOnePageEach() {
    assertEquals(500, walk(1_000_000, 10_999_999, 10_000_000, 20_000), "10M events 1 ms apart, pages of 20K");
    assertEquals(1, walk(5, 5, 3, 20_000), "everything in one millisecond");
    assertEquals(1, walk(0, 999, 10, 20_000), "fewer events than a page");
  }

  @Test
  void theEndsOfTheLongRangeDoNotOverflow() {
    assertEquals(1, walk(Long.MIN_VALUE, Long.MAX_VALUE, 1, 20_000));
    assertEquals(2, walk(Long.MAX_VALUE - 1, Long.MAX_VALUE, 2, 1));
  }
}
