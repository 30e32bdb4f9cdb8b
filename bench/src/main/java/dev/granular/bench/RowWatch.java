package dev.granular.bench;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * Polls a table until a target number of distinct events is stored. Each poll is a cheap row count; only when
 * that reaches the target is the exact distinct count run to confirm (rows can exceed distinct events through
 * restatements, and merges fold duplicates, so rows alone prove nothing). The poll is frequent, because a
 * fast consumer finishes a default-size load in about a second, and cheap, so it does not slow what it watches.
 */
public final class RowWatch {
  /**
   * @param startMs  when consumption could begin (the consumer group became stable)
   * @param doneMs   the poll that confirmed the target, or the last poll when the timeout came first
   * @param complete false when the timeout came first
   */
  public record Progress(long startMs, long doneMs, long done, boolean complete, Mark warm) {
    /** Empty when no time passed: a rate over nothing is not a rate. */
    public OptionalDouble eventsPerSecond() {
      return Ratio.of(done * 1000.0, doneMs - startMs);
    }

    /** The rate after the warm mark: what a consumer that has been running a while sustains; empty if never warm. */
    public OptionalDouble warmEventsPerSecond() {
      return warm.atMs() <= 0 ? OptionalDouble.empty() : Ratio.of((done - warm.distinct()) * 1000.0, doneMs - warm.atMs());
    }

    public double seconds() {
      return (doneMs - startMs) / 1000.0;
    }
  }

  /**
   * The first poll at which at least {@link #WARM_FRACTION} of the target was stored, with the exact distinct
   * count then; zero when never reached.
   */
  public record Mark(long atMs, long distinct) {}

  /**
   * Share of the events after which a consumer counts as warm: by then it has joined its group, and the JVM
   * has compiled the hot path (a default-size run lasts only seconds, and JIT compilation was a large part of
   * the app's CPU in it).
   */
  public static final double WARM_FRACTION = 0.2;

  private RowWatch() {}

  /** @param check called at every poll; throws to abandon the wait (e.g. the app died) */
  public static Progress until(long startMs, LongSupplier rows, LongSupplier distinct, long target, Duration timeout,
      Duration poll, Runnable check) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    Mark warm = new Mark(0, 0);
    while (System.currentTimeMillis() < deadline) {
      check.run();
      long now = System.currentTimeMillis();
      long stored = rows.getAsLong();
      if (warm.atMs() == 0 && stored >= target * WARM_FRACTION) {
        long exact = distinct.getAsLong();
        if (exact >= target * WARM_FRACTION) {
          warm = new Mark(now, exact);
        }
      }
      if (stored >= target) {
        long exact = distinct.getAsLong();
        if (exact >= target) {
          return new Progress(startMs, now, exact, true, warm);
        }
      }
      Thread.sleep(poll.toMillis());
    }
    return new Progress(startMs, System.currentTimeMillis(), distinct.getAsLong(), false, warm);
  }
}
