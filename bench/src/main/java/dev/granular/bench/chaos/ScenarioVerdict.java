package dev.granular.bench.chaos;

import java.util.ArrayList;
import java.util.List;

/** A faulty run against the clean one: what must be 0 or equal, and which of it is not. */
record ScenarioVerdict(RunFigures run, long duplicatesVisible, boolean identical, List<String> failures) {

  static ScenarioVerdict of(RunFigures run, RunFigures clean) {
    List<String> failures = new ArrayList<>();
    long duplicates = run.countedEvents() - clean.countedEvents();
    boolean identical = run.dump().sha256().equals(clean.dump().sha256());
    check(failures, run.eventsLost() == 0, run.eventsLost() + " events lost");
    check(failures, run.storedEvents() <= run.expectedEvents(), (run.storedEvents() - run.expectedEvents()) + " unexpected events stored");
    check(failures, duplicates == 0, duplicates + " events counted twice by the app's reads");
    check(failures, identical, "answers differ from the clean run (" + run.dump().lines() + " vs " + clean.dump().lines() + " lines)");
    check(failures, run.changes().duplicates() == 0, run.changes().duplicates() + " duplicate change records");
    check(failures, run.changes().outOfTurn() == 0, run.changes().outOfTurn() + " change records out of turn");
    check(failures, run.changes().missing() == 0, run.changes().missing() + " answers the change records miss");
    run.badInput().stream().filter(c -> !c.ok()).forEach(c -> failures.add("bad input " + c.name() + ": " + c.detail()));
    return new ScenarioVerdict(run, duplicates, identical, failures);
  }

  boolean passed() {
    return failures.isEmpty();
  }

  private static void check(List<String> failures, boolean ok, String failure) {
    if (!ok) {
      failures.add(failure);
    }
  }
}
