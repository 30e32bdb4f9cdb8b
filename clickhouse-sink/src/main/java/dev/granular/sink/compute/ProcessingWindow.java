package dev.granular.sink.compute;

/**
 * Events received in (fromExclusiveMs, toInclusiveMs], by processing time. Windows may overlap or repeat:
 * state inserts are idempotent. {@code fromExclusiveMs = -1} starts at the beginning of history.
 */
public record ProcessingWindow(long fromExclusiveMs, long toInclusiveMs) {

  public ProcessingWindow {
    if (fromExclusiveMs < -1 || toInclusiveMs < fromExclusiveMs) {
      throw new IllegalArgumentException("need -1 <= fromExclusiveMs <= toInclusiveMs, got (" + fromExclusiveMs
          + ", " + toInclusiveMs + "]");
    }
  }

  /** All history up to and including {@code toInclusiveMs}: what a new leaf is backfilled from. */
  public static ProcessingWindow upTo(long toInclusiveMs) {
    return new ProcessingWindow(-1, toInclusiveMs);
  }

  public boolean isEmpty() {
    return fromExclusiveMs == toInclusiveMs;
  }

  /** The SQL condition on a UInt64 processing-time column (never compares with a negative literal). */
  String sql(String column) {
    return column + " >= " + (fromExclusiveMs + 1) + " AND " + column + " <= " + toInclusiveMs;
  }

  @Override
  public String toString() {
    return "(" + fromExclusiveMs + ", " + toInclusiveMs + "]";
  }
}
