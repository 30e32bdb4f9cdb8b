package dev.granular.bench.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** RELIABILITY.md and reliability.json from one chaos run: every figure in them is measured by that run. */
final class ReliabilityReport {
  private final ChaosSize size;
  private final String invokedAs;
  private final java.time.Duration commitInterval;
  private final RunFigures clean;
  private final List<ScenarioVerdict> verdicts;
  
  private final double totalSeconds;

  ReliabilityReport(ChaosSize size, String invokedAs, java.time.Duration commitInterval, RunFigures clean, List<ScenarioVerdict> verdicts,
      double totalSeconds) {
    this.size = size;
    this.invokedAs = invokedAs;
    this.commitInterval = commitInterval;
    this.clean = clean;
    this.verdicts = verdicts;
    this.totalSeconds = totalSeconds;
  }

  boolean passed() {
    return verdicts.stream().allMatch(ScenarioVerdict::passed) && clean.badInput().stream().allMatch(ClassOutcome::ok)
        && clean.changes().clean() && clean.eventsLost() == 0;
  }

  void write(Path markdown, Path json) throws IOException {
    Files.writeString(markdown, ReliabilityMarkdown.render(size, invokedAs, commitInterval, clean, verdicts, totalSeconds, passed()));
    Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson()));
  }

  private ObjectNode toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode().put("invokedAs", invokedAs).put("size", size.name().toLowerCase(Locale.ROOT))
        .put("passed", passed()).put("totalSeconds", totalSeconds)
        .put("commitIntervalMs", commitInterval.toMillis());
    root.set("clean", run(m, clean));
    ArrayNode scenarios = root.putArray("scenarios");
    for (ScenarioVerdict v : verdicts) {
      ObjectNode s = run(m, v.run()).put("duplicatesVisibleToReads", v.duplicatesVisible()).put("identicalToClean", v.identical())
          .put("passed", v.passed());
      s.putPOJO("failures", v.failures());
      scenarios.add(s);
    }
    ArrayNode bad = root.putArray("badInput");
    for (ClassOutcome b : clean.badInput()) {
      bad.add(m.valueToTree(b));
    }
    return root;
  }

  private static ObjectNode run(ObjectMapper m, RunFigures r) {
    ObjectNode o = m.createObjectNode().put("scenario", r.scenario()).put("faults", r.faults()).put("eventsExpected", r.expectedEvents())
        .put("eventsStored", r.storedEvents()).put("eventsLost", r.eventsLost()).put("eventsCountedByReads", r.countedEvents())
        .put("answerLines", r.dump().lines()).put("answersSha256", r.dump().sha256())
        .put("changeRecords", r.changes().records()).put("changeDuplicates", r.changes().duplicates())
        .put("changesOutOfTurn", r.changes().outOfTurn()).put("changesMissing", r.changes().missing())
        .put("recoverSeconds", r.recoverSeconds()).put("peakLag", r.peakLag()).put("runSeconds", r.runSeconds());
    o.putPOJO("eventDeadLetters", r.eventDeadLetters());
    o.putPOJO("definitionDeadLetters", r.definitionDeadLetters());
    o.putPOJO("notes", r.notes());
    return o;
  }
}
