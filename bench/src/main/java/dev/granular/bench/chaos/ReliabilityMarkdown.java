package dev.granular.bench.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of RELIABILITY.md. */
final class ReliabilityMarkdown {
  private ReliabilityMarkdown() {}

  static String render(ChaosSize size, String invokedAs, java.time.Duration commitInterval, RunFigures clean, List<ScenarioVerdict> verdicts,
      double totalSeconds, boolean passed) {
    StringBuilder md = new StringBuilder("# Reliability\n\n");
    md.append(String.format(Locale.ROOT, "Written by `%s` at %s (size %s, %.0f s in all). Every figure below was measured by"
        + " that run; none is copied. **Verdict: %s.**%n%n", invokedAs, Instant.now(), size.name().toLowerCase(Locale.ROOT),
        totalSeconds, passed ? "PASS" : "FAIL"));
    md.append(String.format(Locale.ROOT, "Each scenario feeds the same generated load (%,d records: %,d distinct valid events in"
        + " several workspaces, one of them a whale, plus restatements, re-sent messageIds, late events and invalid records) into"
        + " fresh topics, database and consumer group, with 2 instances under exactly-once (commit interval %s; the app's default is 5 s, and under exactly-once every hop"
        + " between its stages waits for a commit, so a shorter one makes the runs fit their time), injects its fault, waits until the"
        + " app caught up, and is then compared with the clean run of the same load: the oracle is that clean run, never the"
        + " faulty run itself.%n%n", size.events(), clean.expectedEvents(),
        commitInterval.toMillis() % 1000 == 0 ? commitInterval.toSeconds() + " s" : commitInterval.toMillis() + " ms"));
    md.append("| scenario | events lost | duplicates visible to reads | answers identical to clean | change records: duplicates / out of turn / missing | time to recover | peak lag |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    md.append(row(clean, 0, true));
    for (ScenarioVerdict v : verdicts) {
      md.append(row(v.run(), v.duplicatesVisible(), v.identical()));
    }
    md.append("\nHow each figure is measured:\n\n");
    md.append("- **events lost**: distinct valid (workspace, messageId) the generator sent, minus those in ClickHouse's `user_events`.\n");
    md.append("- **duplicates visible to reads**: the durable-event totals the app reports (`granular status`, the HTTP API), summed over"
        + " the workspaces, minus the clean run's. Raw rows repeated by a replay are deduplicated by messageId everywhere they are read.\n");
    md.append("- **answers identical**: every workspace's segment members and user-property values, as the app reads them, dumped"
        + " as sorted lines and hashed (SHA-256); equal hashes means byte-identical answers.\n");
    md.append("- **change records**: a read_committed consumer of `computed-property-assignments`, replayed per (workspace, user,"
        + " property): a duplicate repeats a record, out of turn changes nothing (ENTERED while in), missing counts answers the"
        + " replay does not end at (ClickHouse's final state is the reference).\n");
    md.append("- **time to recover**: from the end of the last fault until the input lag was 0 and every workspace was computed up to"
        + " its watermark. **peak lag**: the most input records not yet committed, sampled every second.\n\n");
    md.append("## What happened in each run\n\n");
    for (RunFigures r : concat(clean, verdicts)) {
      md.append("### ").append(r.faults()).append("\n\n");
      r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      md.append(String.format(Locale.ROOT, "- %,d change records; %,d answer lines, SHA-256 `%s`; dead letters: events %s,"
          + " definitions %s; the run took %.0f s%n", r.changes().records(), r.dump().lines(), r.dump().sha256().substring(0, 16),
          reasons(r.eventDeadLetters()), reasons(r.definitionDeadLetters()), r.runSeconds()));
      r.changes().examples().forEach(e -> md.append("- example: ").append(e).append('\n'));
      md.append('\n');
    }
    for (ScenarioVerdict v : verdicts) {
      v.failures().forEach(f -> md.append("- **FAILED** ").append(v.run().faults()).append(": ").append(f).append('\n'));
    }
    md.append(BadInputMarkdown.render(clean.badInput()));
    return md.toString();
  }

  private static String row(RunFigures r, long duplicates, boolean identical) {
    return String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %,d / %,d / %,d | %.0f s | %,d |%n", r.faults(), r.eventsLost(), duplicates,
        identical ? "yes (" + r.dump().sha256().substring(0, 8) + ")" : "**no**", r.changes().duplicates(), r.changes().outOfTurn(),
        r.changes().missing(), r.recoverSeconds(), r.peakLag());
  }

  private static String reasons(Map<String, Long> counts) {
    return counts.isEmpty() ? "none" : counts.toString();
  }

  private static List<RunFigures> concat(RunFigures clean, List<ScenarioVerdict> verdicts) {
    List<RunFigures> all = new java.util.ArrayList<>(List.of(clean));
    verdicts.forEach(v -> all.add(v.run()));
    return all;
  }
}
