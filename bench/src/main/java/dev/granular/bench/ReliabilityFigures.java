package dev.granular.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reliability counters from the P1 and P2 runs: retries, dead letters by reason, out-of-order events, parked plans. */
final class ReliabilityFigures {
  private ReliabilityFigures() {}

  static List<Figure> of(Map<FairnessConfig, FairnessResult> fairness, IngestScenario.Result ingest) {
    List<Figure> out = new ArrayList<>();
    for (FairnessResult r : fairness.values()) {
      String c = "P1 " + r.config().title();
      out.add(Figure.of("reliability", c + ": task retries", r.retriedTasks(), "")
          .withNote("statements or inserts retried within an attempt: " + Retries.describe(r.retries())));
      out.add(Figure.of("reliability", c + ": parked plans", r.parkedPlans(), "")
          .withNote("compute-tasks-dlq: " + reasons(r.taskDeadLetters())));
      out.add(Figure.of("reliability", c + ": user-events dead letters", total(r.eventDeadLetters()), "records")
          .withNote("by reason: " + reasons(r.eventDeadLetters()) + "; definitions dead letters: "
              + reasons(r.definitionDeadLetters())));
      out.add(Figure.of("reliability", c + ": out-of-order events stored", r.outOfOrder(), "rows")
          .withNote(String.format(Locale.ROOT, "of %,d rows. The generator sent %,d late events, but most of the disorder"
              + " is the topic's: records are produced unkeyed over several partitions, so one workspace's events are"
              + " read interleaved; restatements of older events count too", r.storedRows(), r.generatedLate())));
    }
    if (ingest != null) {
      Figure retries = ingest.granular().retries().map(r -> Figure.of("reliability", "P2: ingest insert retries", r.inserts(), ""))
          .orElse(Figure.notMeasured("reliability", "P2: ingest insert retries", "", "the app's retry counters could not be read"));
      out.add(retries.withNote("user-events dead letters: " + reasons(ingest.deadLetters()) + " (the P2 load has no invalid records)"));
    }
    return out;
  }

  static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  static String reasons(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder s = new StringBuilder();
    counts.forEach((reason, n) -> s.append(s.length() == 0 ? "" : ", ").append(reason).append(' ').append(n));
    return s.toString();
  }
}
