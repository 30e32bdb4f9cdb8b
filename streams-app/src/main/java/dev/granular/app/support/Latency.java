package dev.granular.app.support;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Timers published as Prometheus histograms (percentiles are computed server-side with histogram_quantile, so
 * they aggregate across instances), bounded so the bucket count stays small, with a few SLO buckets that make
 * "what share was under N seconds" exact.
 */
public final class Latency {
  private static final Duration[] SECONDS_TO_HOUR = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};
  private static final Duration[] MILLIS_TO_MINUTE = {Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1),
      Duration.ofSeconds(10), Duration.ofSeconds(60)};

  private Latency() {}

  /** A statement or an insert: milliseconds to a few minutes (the per-statement limit defaults to 60 s). */
  public static Timer.Builder statement(String name, String description) {
    return Timer.builder(name).description(description).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
        .serviceLevelObjectives(MILLIS_TO_MINUTE);
  }

  /** How far behind something is: a second to an hour (a whale's recompute can take many minutes). */
  public static Timer.Builder staleness(String name, String description) {
    return Timer.builder(name).description(description).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(1))
        .serviceLevelObjectives(SECONDS_TO_HOUR);
  }
}
