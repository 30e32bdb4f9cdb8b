package dev.granular.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of bad input: every class of bad event and bad definition, and the hostile-but-valid ones, each
 * with its records and expected outcome. Deterministic for a run id, so a checker can rebuild it from the id alone.
 * Independent of the rest of the bench: feed with {@link BadInputFeed}, judge with {@link BadInputCheck}.
 */
public final class BadInputs {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The distinct (workspace, messageId) of the events the app must accept: a run stores these on top of its load,
   * and their workspaces' answers belong in its answer dump.
   */
  public static Set<List<String>> acceptedEvents(String runId) {
    Set<List<String>> events = new LinkedHashSet<>();
    for (BadRecord r : records(runId)) {
      if (!r.expected().deadLettered() && r.target() == BadRecord.Target.USER_EVENTS) {
        try {
          JsonNode event = JSON.readTree(r.value());
          events.add(List.of(event.path("workspaceId").asText(), event.path("messageId").asText()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("an accepted record of " + r.className() + " is not JSON", e);
        }
      }
    }
    return events;
  }

  /** Every record of every class, tagged with its class and expected outcome. */
  public static List<BadRecord> records(String runId) {
    return classes(runId).stream().flatMap(c -> c.records().stream()).toList();
  }
}
