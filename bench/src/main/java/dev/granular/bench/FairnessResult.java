package dev.granular.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one P1 configuration measured.
 *
 * @param guarantee        the app's processing guarantee
 * @param smallByWindow    the small workspaces' lags, per measured window in order
 * @param whale            null without a whale
 * @param failedAttempts   task attempts that failed (each ends at its first failing statement)
 * @param timedOutAttempts of those, the ones ClickHouse's per-statement limit (or the client's timeout) ended
 * @param outOfMemoryAttempts of those, the ones a memory limit ended (ClickHouse's per-statement one or the app's heap)
 * @param whaleParked      the whale's plan, when it was parked at the end of the run
 * @param unreadableAttempts of the failed attempts, those whose server error the client could not read (18.16)
 * @param maxTaskWork      the largest estimated work (events x properties) of any task sent; empty: none sent
 * @param retries          statements and inserts retried inside one attempt, from the app's metrics; empty: not measured
 * @param outOfOrder       stored rows whose event time is before an earlier-stored row of the same workspace
 */
public record FairnessResult(FairnessConfig config, String guarantee, long threshold, Freshness.Stats small,
    List<List<Freshness.Lag>> smallByWindow, Freshness.Stats whale,
    long failedAttempts, long timedOutAttempts, long outOfMemoryAttempts, long unreadableAttempts,
    Optional<FairnessAnalysis.Parked> whaleParked,
    long retriedTasks, OptionalLong maxTaskWork, int maxPartsPerPlan, int parkedPlans,
    OptionalLong peakRssBytes, Optional<Retries> retries, Map<String, Long> eventDeadLetters, Map<String, Long> taskDeadLetters,
    Map<String, Long> definitionDeadLetters, long outOfOrder, long storedRows, long generatedLate, List<String> notes) {

  /** The small workspaces' lags over the first {@code windows} measured windows only, to compare with a shorter run. */
  public Freshness.Stats smallOverFirst(int windows) {
    return Freshness.stats(smallByWindow.stream().limit(windows).flatMap(List::stream).toList());
  }
}
