package dev.granular.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one P1 configuration measured.
 *
 * @param whale            null without a whale
 * @param failedAttempts   task attempts that failed (each ends at its first failing statement)
 * @param timedOutAttempts of those, the ones ClickHouse's per-statement limit (or the client's timeout) ended
 * @param maxTaskWork      the largest estimated work (events x properties) of any task sent
 * @param retries          statements and inserts retried inside one attempt, from the app's metrics; empty: not measured
 * @param outOfOrder       stored rows whose event time is before an earlier-stored row of the same workspace
 */
public record FairnessResult(FairnessConfig config, long threshold, Freshness.Stats small, Freshness.Stats whale,
    long failedAttempts, long timedOutAttempts, long retriedTasks, long maxTaskWork, int maxPartsPerPlan, int parkedPlans,
    long peakRssBytes, Optional<Retries> retries, Map<String, Long> eventDeadLetters, Map<String, Long> taskDeadLetters,
    Map<String, Long> definitionDeadLetters, long outOfOrder, long storedRows, long generatedLate, List<String> notes) {}
