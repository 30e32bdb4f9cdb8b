package dev.granular.bench.chaos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compute.AssignmentReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hostile but valid input, in every string field: events (ids, event names, property keys and values) and the
 * definitions that read them (workspace and property ids, event names, paths, operator values). Accepted and stored
 * verbatim; the definitions' answers, computed from the events, must name the same strings byte for byte.
 */
final class HostileInputs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String runId;
  /** No '/': definitions are keyed workspace/property. */
  private final String workspace;

  HostileInputs(String runId) {
    this.runId = runId;
    this.workspace = runId + " ws'); DROP TABLE assignments; -- \\N \u0000";
  }

  List<BadInputClass> eventClasses() {
    StoredEvents hostile = new StoredEvents();
    List<byte[]> hostileValues = new ArrayList<>();
    for (int i = 0; i < HostileStrings.ALL.size(); i++) {
      String h = HostileStrings.ALL.get(i);
      ObjectNode identify = event("identify", runId + " id" + i + " " + h, user(i)).put("anonymousId", "anon " + h);
      identify.putObject("traits").put(key(i), h);
      ObjectNode track = event("track", runId + " tr" + i + " " + h, user(i)).put("event", eventName(i));
      track.putObject("properties").put(key(i), h).put("other " + h, i);
      hostileValues.add(hostile.add(identify));
      hostileValues.add(hostile.add(track));
    }
    StoredEvents nul = new StoredEvents();
    ObjectNode withNul = event("track", runId + " nul\u0000id", "user\u0000nul").put("event", "ev\u0000nul");
    withNul.putObject("properties").put("k\u0000", "v\u0000");
    byte[] nulValue = nul.add(withNul);
    StoredEvents atLimit = new StoredEvents();
    String longId = runId + "-at-limit-";
    byte[] atLimitValue = atLimit.add(event("identify", longId + "m".repeat(BadEvents.MAX_FIELD_LENGTH - longId.length()),
        "u".repeat(BadEvents.MAX_FIELD_LENGTH)));
    return List.of(
        RecordMaker.events(runId, "event_hostile_sql", Expected.accepted(), hostileValues, hostile.check()),
        RecordMaker.events(runId, "event_escaped_nul", Expected.accepted(), List.of(nulValue), nul.check()),
        RecordMaker.events(runId, "event_ids_at_field_limit", Expected.accepted(), List.of(atLimitValue), atLimit.check()));
  }

  /** Per hostile string: a Trait segment, a Performed segment with a property filter, and a Trait user property. */
  BadInputClass definitionClass() {
    List<byte[][]> records = new ArrayList<>();
    for (int i = 0; i < HostileStrings.ALL.size(); i++) {
      String h = HostileStrings.ALL.get(i);
      ObjectNode trait = node("Trait").put("path", HostileStrings.path(key(i)));
      trait.putObject("operator").put("type", "Equals").put("value", h);
      records.add(definition(traitSegment(i), "Segment", segment(trait)));
      ObjectNode performed = node("Performed").put("event", eventName(i));
      ObjectNode filter = performed.putArray("properties").addObject().put("path", HostileStrings.path(key(i)));
      filter.putObject("operator").put("type", "Equals").put("value", h);
      records.add(definition(performedSegment(i), "Segment", segment(performed)));
      records.add(definition(userProperty(i), "UserProperty", JSON.objectNode().put("type", "Trait")
          .put("path", HostileStrings.path(key(i)))));
    }
    return RecordMaker.definitions("definition_hostile_sql", Expected.accepted(), records, this::answers);
  }

  /** Each hostile user is in both its segments and has its hostile trait as its user property, all byte-exact. */
  private Optional<String> answers(dev.granular.sink.client.ClickHouse clickHouse) {
    AssignmentReader reader = new AssignmentReader(clickHouse,
        new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)));
    for (int i = 0; i < HostileStrings.ALL.size(); i++) {
      AssignmentReader.UserAssignments user = reader.user(workspace, user(i));
      if (!user.segments().contains(traitSegment(i)) || !user.segments().contains(performedSegment(i))) {
        return Optional.of("user " + Ascii.of(user(i)) + " is in " + Ascii.of(user.segments().toString()));
      }
      if (!TextNode.valueOf(HostileStrings.ALL.get(i)).equals(user.properties().get(userProperty(i)))) {
        return Optional.of("user " + Ascii.of(user(i)) + " has values " + Ascii.of(user.properties().toString()));
      }
    }
    return Optional.empty();
  }

  private byte[][] definition(String id, String type, ObjectNode definition) {
    ObjectNode message = JSON.objectNode().put("workspaceId", workspace).put("id", id).put("name", id).put("type", type);
    message.set("definition", definition);
    return RecordMaker.keyValue(workspace + "/" + id, message.toString());
  }

  private static ObjectNode segment(ObjectNode entry) {
    ObjectNode definition = JSON.objectNode();
    definition.set("entryNode", entry);
    definition.putArray("nodes");
    return definition;
  }

  private static ObjectNode node(String type) {
    return JSON.objectNode().put("type", type).put("id", "1");
  }

  private ObjectNode event(String type, String messageId, String userId) {
    return JSON.objectNode().put("workspaceId", workspace).put("type", type).put("messageId", messageId).put("userId", userId);
  }

  private static String user(int i) {
    return "user" + i + " " + HostileStrings.ALL.get(i);
  }

  private static String key(int i) {
    return "k" + i + " " + HostileStrings.ALL.get(i);
  }

  private static String eventName(int i) {
    return "ev" + i + " " + HostileStrings.ALL.get(i);
  }

  private static String traitSegment(int i) {
    return "trait" + i + " " + HostileStrings.ALL.get(i);
  }

  private static String performedSegment(int i) {
    return "did" + i + " " + HostileStrings.ALL.get(i);
  }

  private static String userProperty(int i) {
    return "value" + i + " " + HostileStrings.ALL.get(i);
  }
}
