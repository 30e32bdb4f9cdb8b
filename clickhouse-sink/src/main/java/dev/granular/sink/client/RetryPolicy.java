package dev.granular.sink.client;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exponential backoff for ClickHouse calls: retriable failures are tried again until {@code maxElapsed} has
 * passed, then the last failure is thrown. Bounded on purpose: a caller inside a Kafka Streams commit must
 * give up before the consumer's poll interval expires, so the task restarts from its committed offsets.
 */
public final class RetryPolicy {
  private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxElapsed;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final Listener listener;

  /** Told of every failed attempt that will be retried, e.g. to count retries in a metric. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = failure -> { };

    void retrying(ClickHouseException failure);
  }

  /** Injected so tests can run the policy without waiting. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
    this(initialBackoff, maxBackoff, maxElapsed, System::currentTimeMillis, Thread::sleep);
  }

  public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed, LongSupplier clock, Sleeper sleeper) {
    this(initialBackoff, maxBackoff, maxElapsed, clock, sleeper, Listener.NONE);
  }

  private RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed, LongSupplier clock, Sleeper sleeper,
      Listener listener) {
    if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
    }
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxElapsed = maxElapsed;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /** The same policy, telling {@code listener} of each retry. */
  public RetryPolicy withListener(Listener listener) {
    return new RetryPolicy(initialBackoff, maxBackoff, maxElapsed, clock, sleeper, listener);
  }

  public Duration maxElapsed() {
    return maxElapsed;
  }

  /** Runs {@code call}; {@code onRetry} is told of each failed attempt that will be retried. */
  public <T> T run(String what, Supplier<T> call, Runnable onRetry) {
    long start = clock.getAsLong();
    long backoff = initialBackoff.toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ClickHouseException e) {
        long elapsed = clock.getAsLong() - start;
        if (!e.retriable() || elapsed + backoff > maxElapsed.toMillis()) {
          throw e;
        }
        listener.retrying(e);
        onRetry.run();
        log.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt, backoff, e.getMessage());
        try {
          sleeper.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ClickHouseException("interrupted while retrying " + what, ie, true);
        }
        backoff = Math.min(backoff * 2, maxBackoff.toMillis());
      }
    }
  }
}
