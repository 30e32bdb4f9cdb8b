package dev.granular.sink.client;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exponential backoff for ClickHouse calls (a resilience4j {@link Retry}): retriable failures are tried again
 * until the next wait would end past {@code maxElapsed}, then the last failure is thrown. Bounded on purpose: a
 * caller inside a Kafka Streams commit must give up before the consumer's poll interval expires, so the task
 * restarts from its committed offsets.
 */
public final class RetryPolicy {
  private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxElapsed;
  private final LongSupplier clock;
  private final Listener listener;
  private final IntervalFunction backoff;

  /** Told of every failed attempt that will be retried, e.g. to count retries in a metric. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = failure -> { };

    void retrying(ClickHouseException failure);

    /** As {@link #retrying(ClickHouseException)}, with the wait before the next attempt. */
    default void retrying(ClickHouseException failure, Duration wait) {
      retrying(failure);
    }
  }

  public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
    this(initialBackoff, maxBackoff, maxElapsed, System::currentTimeMillis);
  }

  /** @param clock milliseconds, for the {@code maxElapsed} budget (injected by tests) */
  public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed, LongSupplier clock) {
    this(initialBackoff, maxBackoff, maxElapsed, clock, Listener.NONE);
  }

  private RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxElapsed, LongSupplier clock, Listener listener) {
    if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
    }
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxElapsed = maxElapsed;
    this.clock = clock;
    this.listener = listener;
    this.backoff = IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0, maxBackoff);
  }

  /** The same policy, telling {@code listener} of each retry. */
  public RetryPolicy withListener(Listener listener) {
    return new RetryPolicy(initialBackoff, maxBackoff, maxElapsed, clock, listener);
  }

  public Duration maxElapsed() {
    return maxElapsed;
  }

  /** Runs {@code call}; {@code onRetry} is told of each failed attempt that will be retried. */
  public <T> T run(String what, Supplier<T> call, Runnable onRetry) {
    Budget budget = new Budget(clock.getAsLong());
    Retry retry = Retry.of(what, RetryConfig.custom()
        .maxAttempts(Integer.MAX_VALUE) // the time budget decides, not a count
        .intervalFunction(backoff)
        .retryOnException(budget::allowsRetryAfter)
        .build());
    retry.getEventPublisher().onRetry(event -> {
      ClickHouseException failure = (ClickHouseException) event.getLastThrowable(); // only those are retried
      listener.retrying(failure, event.getWaitInterval());
      onRetry.run();
      log.warn("{} failed (attempt {}), retrying in {} ms: {}", what, event.getNumberOfRetryAttempts(),
          event.getWaitInterval().toMillis(), failure.getMessage());
    });
    return retry.executeSupplier(call);
  }

  /** One call's failures so far: a retry is allowed while the wait before it still ends within maxElapsed. */
  private final class Budget {
    private final long start;
    private int failures;

    Budget(long start) {
      this.start = start;
    }

    boolean allowsRetryAfter(Throwable failure) {
      if (!(failure instanceof ClickHouseException c) || !c.retriable()) {
        return false;
      }
      failures++;
      long nextWait = backoff.apply(failures);
      return clock.getAsLong() - start + nextWait <= maxElapsed.toMillis();
    }
  }
}
