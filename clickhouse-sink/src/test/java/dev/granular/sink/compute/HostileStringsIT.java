package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile strings as workspace id, user ids, message ids, event names, property paths (keys), trait and
 * property values, through the whole compute path: results must be right, not merely free of SQL errors.
 */
class HostileStringsIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_735_689_600_000L;
  private static EngineFixture fixture;

  @BeforeAll
  static void open() {
    fixture = EngineFixture.open("granular_hostile_it");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"it's", "back\\slash", "'); DROP TABLE user_events; --", "tab\there", "new\nline\r",
      "nul\u0000byte", "ünïcødé ✓", "emoji 😀 \uD83D\uDE00", "\\'", "%_like_%", "{\"json\": [1, \"two\"]}", "\"quoted\"",
      "$..[*]", "a.b['c']"})
  void computesCorrectlyEndToEnd(String hostile) {
    String ws = "ws " + hostile;
    String key = "key " + hostile; // read through a bracketed path: $["key ..."]
    String path = "$[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    List<PropertyDefinition> definitions = List.of(
        segment(ws, "bought", node("Performed").put("event", hostile).put("times", 2).put("timesOperator", ">=")
            .set("properties", JSON.arrayNode().add(condition(path, hostile)))),
        segment(ws, "traited", node("Trait").put("path", path).set("operator", JSON.objectNode().put("type", "Equals").put("value", hostile))),
        segment(ws, "not-" + hostile, node("Trait").put("path", path).set("operator", JSON.objectNode().put("type", "NotEquals").put("value", hostile))),
        userProperty(ws, "value " + hostile, JSON.objectNode().put("type", "Trait").put("path", path)),
        userProperty(ws, "anon", JSON.objectNode().put("type", "AnonymousId")),
        userProperty(ws, "many", JSON.objectNode().put("type", "PerformedMany").set("or", JSON.arrayNode().add(JSON.objectNode().put("event", hostile)))));
    String user = "user " + hostile;
    String traits = JSON.objectNode().put(key, hostile).toString();
    String properties = JSON.objectNode().put(key, hostile).toString();
    List<StoredEvent> events = List.of(
        new StoredEvent(ws, "m1 " + hostile, "identify", user, "anon " + hostile, null, "{}", traits, T0, T0 + 10),
        new StoredEvent(ws, "m2 " + hostile, "track", user, null, hostile, properties, "{}", T0 + 1, T0 + 10),
        new StoredEvent(ws, "m3 " + hostile, "track", user, null, hostile, properties, "{}", T0 + 2, T0 + 20),
        new StoredEvent(ws, "m3 " + hostile, "track", user, null, hostile, properties, "{}", T0 + 2, T0 + 30), // re-sent
        new StoredEvent(ws, "other", "identify", "plain", null, null, "{}", "{\"x\":1}", T0, T0 + 10));
    fixture.writer().write(events);
    WorkspaceIndex first = ProfileCompiler.compile(ws, definitions);
    fixture.engine().compute(first, new ProcessingWindow(-1, T0 + 15), ComputeScope.all(), T0 + 15);
    WorkspaceIndex next = ProfileCompiler.compile(ws, definitions, first.baseline());
    List<AssignmentChange> changes = new ArrayList<>(); // in two user buckets: halfMD5 of hostile ids in SQL and Java
    for (int bucket = 0; bucket < 2; bucket++) {
      changes.addAll(fixture.engine().compute(next, new ProcessingWindow(T0 + 15, T0 + 30), ComputeScope.all().inBucket(bucket, 2),
          T0 + 30).changes());
    }

    assertEquals(Outcome.of(Oracle.evaluate(definitions, events, T0 + 30), definitions),
        Outcome.of(fixture.reader().snapshot(ws), definitions), "ClickHouse vs oracle");
    assertEquals(List.of(user), fixture.reader().members(ws, "bought", 10), "two distinct matching messages");
    assertEquals(1, fixture.reader().segmentSizeEstimate(ws, "traited"));
    AssignmentReader.UserAssignments assigned = fixture.reader().user(ws, user);
    assertEquals(TextNode.valueOf(hostile), assigned.properties().get("value " + hostile));
    assertEquals(TextNode.valueOf("anon " + hostile), assigned.properties().get("anon"));
    assertEquals(hostile, assigned.properties().get("many").get(0).get("event").asText());
    assertTrue(assigned.segments().contains("traited"));
    assertFalse(assigned.segments().contains("not-" + hostile), "the latest identify has the value");
    assertTrue(fixture.reader().user(ws, "plain").segments().contains("not-" + hostile), "an identify without the key is not equal");
    assertTrue(changes.stream().anyMatch(c -> c.userId().equals(user) && c.propertyId().equals("bought") && c.entered()),
        "the second message enters the user in the second window");
  }

  private static ObjectNode node(String type) {
    return JSON.objectNode().put("type", type).put("id", "1");
  }

  private static ObjectNode condition(String path, String value) {
    ObjectNode condition = JSON.objectNode().put("path", path);
    condition.putObject("operator").put("type", "Equals").put("value", value);
    return condition;
  }

  private static PropertyDefinition segment(String ws, String id, ObjectNode entry) {
    ObjectNode definition = JSON.objectNode();
    definition.set("entryNode", entry);
    definition.putArray("nodes");
    return parse(ws, id, "Segment", definition);
  }

  private static PropertyDefinition userProperty(String ws, String id, ObjectNode definition) {
    return parse(ws, id, "UserProperty", definition);
  }

  private static PropertyDefinition parse(String ws, String id, String type, ObjectNode definition) {
    ObjectNode message = JSON.objectNode().put("workspaceId", ws).put("id", id).put("name", id).put("type", type);
    message.set("definition", definition);
    return DefinitionParser.parse(message);
  }
}
