package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task with more users than the resolver keeps in memory ({@link Spool#IN_MEMORY}): its users stream from
 * ClickHouse into a spill file and its changes stream out to the caller (here, a spool that spills too), and
 * the answers and the changes still match the in-memory oracle, user for user.
 */
class StreamedResolutionIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_735_689_600_000L;
  private static final int USERS = Spool.IN_MEMORY + 5_000;
  private static final String WS = "ws-streamed";
  private static EngineFixture fixture;

  @BeforeAll
  static void open() {
    fixture = EngineFixture.open("granular_streamed_it");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void aTaskWithMoreUsersThanMemoryHoldsResolvesEveryOneOfThem() {
    List<PropertyDefinition> definitions = List.of(
        segment("signed-up", JSON.objectNode().put("type", "Performed").put("id", "1").put("event", "signup")
            .put("times", 1).put("timesOperator", ">=")),
        parse("plan", "UserProperty", JSON.objectNode().put("type", "Performed").put("event", "signup").put("path", "$.plan")));
    List<StoredEvent> events = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String user = String.format("u%06d '; --", i); // hostile too: ids travel through the spill file and back into SQL
      events.add(new StoredEvent(WS, "m" + i, "track", user, null, "signup", "{\"plan\":\"p" + (i % 7) + "\"}", "{}", T0 + i, T0 + i));
    }
    for (int from = 0; from < events.size(); from += 10_000) {
      fixture.writer().write(events.subList(from, Math.min(events.size(), from + 10_000)));
    }
    WorkspaceIndex index = ProfileCompiler.compile(WS, definitions);
    long now = T0 + USERS + 1;

    Map<String, String> changed = new TreeMap<>();
    ComputeResult result;
    try (Spool<AssignmentChange> changes = new Spool<>(AssignmentChange.CODEC, 1_000)) {
      result = fixture.engine().compute(index, ProcessingWindow.upTo(now), ComputeScope.all(), now, changes::add);
      assertTrue(changes.spilled(), "the changes went to disk");
      changes.forEach(c -> changed.put(c.propertyId() + "/" + c.userId(), c.after()));
      assertEquals(changes.size(), result.changeCount());
    }

    Outcome oracle = Outcome.of(Oracle.evaluate(definitions, events, now), definitions);
    assertEquals(oracle, Outcome.of(fixture.reader().snapshot(WS), definitions), "ClickHouse vs oracle");
    Map<String, String> expected = new TreeMap<>();
    oracle.values().forEach((property, byUser) -> byUser.forEach((user, value) -> expected.put(property + "/" + user, value)));
    assertEquals(2 * USERS, expected.size(), "every user is in the segment and has a plan");
    assertEquals(expected, changed, "one change per (property, user), with the oracle's value");
    assertEquals(USERS, result.usersResolved(), "each user once: both properties are new, one pass");
  }

  private static PropertyDefinition segment(String id, ObjectNode entry) {
    ObjectNode definition = JSON.objectNode();
    definition.set("entryNode", entry);
    definition.putArray("nodes");
    return parse(id, "Segment", definition);
  }

  private static PropertyDefinition parse(String id, String type, ObjectNode definition) {
    ObjectNode message = JSON.objectNode().put("workspaceId", WS).put("id", id).put("name", id).put("type", type);
    message.set("definition", definition);
    return DefinitionParser.parse(message);
  }
}
