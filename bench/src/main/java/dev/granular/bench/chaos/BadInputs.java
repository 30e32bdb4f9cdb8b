package dev.granular.bench.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of bad input: every class of bad event and bad definition, and the hostile-but-valid ones, each
 * with its records and expected outcome. Deterministic for a run id, so a checker can rebuild it from the id alone.
 * Independent of the rest of the bench: feed with {@link BadInputFeed}, judge with {@link BadInputCheck}.
 */
public final class BadInputs {
  private BadInputs() {}

  /** @param runId prefix of every workspace id and key of the run; no '/', which separates a definition's key */
  public static List<BadInputClass> classes(String runId) {
    if (runId.isEmpty() || runId.contains("/")) {
      throw new IllegalArgumentException("run id must be non-empty and without '/': " + runId);
    }
    HostileInputs hostile = new HostileInputs(runId);
    List<BadInputClass> classes = new ArrayList<>(new BadEvents(runId).classes());
    classes.addAll(hostile.eventClasses());
    classes.addAll(new BadDefinitions(runId).classes());
    classes.add(hostile.definitionClass());
    return List.copyOf(classes);
  }

  /** Every record of every class, tagged with its class and expected outcome. */
  public static List<BadRecord> records(String runId) {
    return classes(runId).stream().flatMap(c -> c.records().stream()).toList();
  }
}
