package dev.granular.sink.compute;

/**
 * Processing-time slices of [first, last] expected to hold about one page each, from the window's event count:
 * step = span x pageSize / count, at least 1 ms. Overflow-safe at the ends of the long range.
 */
final class TimeSlices {
  private TimeSlices() {}

  static long step(long first, long last, long count, int pageSize) {
    double span = (double) last - first + 1;
    double step = Math.ceil(span * pageSize / Math.max(1, count));
    return step >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) step);
  }

  /** The inclusive end of the slice starting at {@code from}. */
  static long end(long from, long step, long last) {
    return last - from < step ? last : from + step - 1;
  }
}
