package dev.granular.app.planner;

import java.time.Duration;

/**
 * The planner's knobs, from config.
 *
 * @param partsPerLane most parts of one split plan dispatched and unfinished at once on one partition (lane) of
 *     the priority topic: K, its slots (the sink itself keeps one for small workspaces' tasks when they wait).
 *     More would only wait in the sink, whose bounded queue then blocks the stream thread (P1).
 * @param lanes the partitions of the task topics: a split plan's parts are spread over all of them, so a whale
 *     uses the whole group's slots, not only its own partition's
 */
public record PlannerSettings(long threshold, int maxParts, int maxAttempts, Duration retryInitialBackoff,
    Duration retryMaxBackoff, Duration taskTimeout, int completedPlansKept, int partsPerLane, int lanes) {

  public PlannerSettings {
    if (partsPerLane < 1 || lanes < 1) {
      throw new IllegalArgumentException("partsPerLane and lanes must be at least 1, got " + partsPerLane + " and " + lanes);
    }
  }

  public static PlannerSettings from(dev.granular.app.config.AppConfig.PlannerSettings p, int partitions) {
    return new PlannerSettings(p.threshold(), p.maxParts(), p.maxAttempts(), p.retryInitialBackoff(), p.retryMaxBackoff(),
        p.taskTimeout(), 5, p.sinkConcurrencyPerPartition(), partitions);
  }

  /** Most parts of one plan dispatched and unfinished at once. */
  public int partsInFlight() {
    return partsPerLane * lanes;
  }

  /** Backoff before attempt {@code attempt + 1}. */
  public long backoffMs(int attempt) {
    long base = retryInitialBackoff.toMillis();
    long cap = retryMaxBackoff.toMillis();
    int shift = Math.min(30, Math.max(0, attempt - 1));
    return Math.min(cap, base << shift);
  }
}
