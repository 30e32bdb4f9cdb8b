package dev.granular.app.planner;

import java.time.Duration;

/** The planner's knobs, from config. */
public record PlannerSettings(long threshold, int maxParts, int maxAttempts, Duration retryInitialBackoff,
    Duration retryMaxBackoff, Duration taskTimeout, int completedPlansKept) {

  public static PlannerSettings from(dev.granular.app.config.AppConfig.PlannerSettings p) {
    return new PlannerSettings(p.threshold(), p.maxParts(), p.maxAttempts(), p.retryInitialBackoff(), p.retryMaxBackoff(),
        p.taskTimeout(), 5);
  }

  /** Backoff before attempt {@code attempt + 1}. */
  public long backoffMs(int attempt) {
    long base = retryInitialBackoff.toMillis();
    long cap = retryMaxBackoff.toMillis();
    int shift = Math.min(30, Math.max(0, attempt - 1));
    return Math.min(cap, base << shift);
  }
}
