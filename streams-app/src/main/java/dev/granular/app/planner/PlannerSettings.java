package dev.granular.app.planner;

import java.time.Duration;

/**
 * The planner's knobs, from config.
 *
 * @param partsInFlight most parts of one plan dispatched and unfinished at once. A workspace's parts all run
 *     on its partition's K slots, so it is K: more would only wait in the sink, whose bounded queue then blocks
 *     the stream thread, so small workspaces' tasks behind them could not even be queued (P1).
 */
public record PlannerSettings(long threshold, int maxParts, int maxAttempts, Duration retryInitialBackoff,
    Duration retryMaxBackoff, Duration taskTimeout, int completedPlansKept, int partsInFlight) {

  public PlannerSettings {
    if (partsInFlight < 1) {
      throw new IllegalArgumentException("partsInFlight must be at least 1, got " + partsInFlight);
    }
  }

  public static PlannerSettings from(dev.granular.app.config.AppConfig.PlannerSettings p) {
    return new PlannerSettings(p.threshold(), p.maxParts(), p.maxAttempts(), p.retryInitialBackoff(), p.retryMaxBackoff(),
        p.taskTimeout(), 5, p.sinkConcurrencyPerPartition());
  }

  /** Backoff before attempt {@code attempt + 1}. */
  public long backoffMs(int attempt) {
    long base = retryInitialBackoff.toMillis();
    long cap = retryMaxBackoff.toMillis();
    int shift = Math.min(30, Math.max(0, attempt - 1));
    return Math.min(cap, base << shift);
  }
}
