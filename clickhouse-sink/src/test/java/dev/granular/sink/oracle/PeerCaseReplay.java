package dev.granular.sink.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one peer case against the oracle: the clock starts at t0, {@code sleep} advances it, events are
 * received at the current clock, {@code compute} evaluates at the current clock and {@code assert} checks
 * the latest compute.
 */
final class PeerCaseReplay {

  static final String WORKSPACE = "ws-peer";
  static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private final JsonNode peerCase;
  private final Map<String, PropertyDefinition> definitions = new LinkedHashMap<>();
  private final List<StoredEvent> events = new ArrayList<>();
  private long clock = T0;
  private OracleResult latest;
  private String step = "start";

  PeerCaseReplay(JsonNode peerCase) {
    this.peerCase = peerCase;
  }

  void run() {
    upsert(peerCase.get("segments"), "Segment");
    upsert(peerCase.get("userProperties"), "UserProperty");
    int index = 0;
    for (JsonNode s : peerCase.get("steps")) {
      step = "step " + index++ + " (" + s.get("type").asText()
          + (s.has("description") ? ": " + s.get("description").asText() : "") + ")";
      switch (s.get("type").asText()) {
        case "sleep" -> clock += s.get("ms").asLong();
        case "events" -> s.get("events").forEach(e -> events.add(event(e)));
        case "compute" -> compute();
        case "updateDefinitions" -> {
          upsert(s.get("segments"), "Segment");
          upsert(s.get("userProperties"), "UserProperty");
        }
        case "assert" -> check(s);
        default -> fail("unknown step type in " + step);
      }
    }
  }

  private void upsert(JsonNode list, String type) {
    if (list == null) {
      return;
    }
    for (JsonNode property : list) {
      ObjectNode message = PeerCases.MAPPER.createObjectNode();
      message.put("workspaceId", WORKSPACE).put("id", property.get("id").asText())
          .put("name", property.get("name").asText()).put("type", type);
      message.set("definition", property.get("definition"));
      PropertyDefinition parsed = DefinitionParser.parse(message.toString());
      definitions.put(parsed.id(), parsed);
    }
  }

  private StoredEvent event(JsonNode e) {
    return new StoredEvent(WORKSPACE, e.get("messageId").asText(), e.get("type").asText(), text(e, "userId"),
        text(e, "anonymousId"), text(e, "event"), e.get("properties").toString(), e.get("traits").toString(),
        Instant.parse(e.get("timestamp").asText()).toEpochMilli(), clock);
  }

  private static String text(JsonNode e, String field) {
    JsonNode value = e.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Evaluates, and checks on the way that repeats and arrival order change nothing. */
  private void compute() {
    latest = Oracle.evaluate(definitions.values(), events, clock);
    List<StoredEvent> shuffled = new ArrayList<>(events);
    shuffled.addAll(events.subList(0, events.size() / 2)); // redeliveries
    Collections.reverse(shuffled);
    assertEquals(latest, Oracle.evaluate(definitions.values(), shuffled, clock),
        "duplicated and reordered events must not change the result at " + step);
  }

  private void check(JsonNode expected) {
    PeerCaseAssertions.check(expected, latest == null ? null : new PeerCaseAssertions.Observed(latest.segments(),
        latest.userProperties(), latest.knownUsers().get(WORKSPACE)), step);
  }
}
