package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.migrate.Migrator;
import dev.granular.sink.migrate.Schema;
import dev.granular.sink.oracle.Oracle;
import dev.granular.sink.scenario.Evaluation;
import dev.granular.sink.scenario.ScratchDatabase;
import dev.granular.sink.scenario.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database an older release computed (migrations 0001-0003: states, no {@code leaf_times}) is upgraded in place:
 * the time index is backfilled from the states, so the next tick, with no new event, still finds every user whose
 * windowed count, Within trait or HasBeen run changed with time alone. Checked against the in-memory oracle, with
 * hostile ids.
 */
class TimeIndexUpgradeIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_735_689_600_000L;
  private static final long HOUR = 3_600_000L;
  private static final String WS = "ws-upgrade '; --";

  @Test
  void anUpgradedDatabaseFindsTheUsersThatTimeAloneChanges() {
    try (ScratchDatabase old = ScratchDatabase.create(TestServer.settings(), "granular_upgrade_it",
        Schema.migrations().subList(0, 3))) {
      ComputeEngine engine = new ComputeEngine(old.clickHouse(), Evaluation.RETRY);
      List<StoredEvent> events = events();
      new EventBatchWriter(old.clickHouse(), Evaluation.RETRY).write(events);
      List<PropertyDefinition> definitions = definitions();
      WorkspaceIndex first = ProfileCompiler.compile(WS, definitions);
      long before = T0 + HOUR;
      // Every property is new: resolved for every known user, so this older schema's missing index is not read.
      engine.compute(first, ProcessingWindow.upTo(before), ComputeScope.all(), before);
      Outcome then = check(definitions, events, before, old);

      assertEquals(List.of("0004_leaf_times"), new Migrator(old.clickHouse()).migrate());
      assertTrue(count(old, "leaf_times") > 0, "the index was backfilled from the states");

      long after = T0 + 5 * HOUR; // no new event: the hour-long windows have all moved on
      WorkspaceIndex next = ProfileCompiler.compile(WS, definitions, first.baseline());
      List<AssignmentChange> changes = engine.compute(next, new ProcessingWindow(before, after), ComputeScope.all(), after)
          .changes();
      Outcome now = check(definitions, events, after, old);
      assertNotEquals(then, now, "time alone changed some answers");
      assertEquals(now.changesSince(then, definitions), Outcome.changes(changes), "and each change was found");
    }
  }

  private static Outcome check(List<PropertyDefinition> definitions, List<StoredEvent> events, long now, ScratchDatabase db) {
    Outcome expected = Outcome.of(Oracle.evaluate(definitions, events, now), definitions);
    assertEquals(expected, Outcome.of(new AssignmentReader(db.clickHouse(), Evaluation.RETRY).snapshot(WS), definitions),
        "ClickHouse vs oracle at " + now);
    return expected;
  }

  private static long count(ScratchDatabase db, String table) {
    return Long.parseLong(db.clickHouse().rows("SELECT count() FROM " + db.clickHouse().table(table)).get(0)[0]);
  }

  /** Buys, a recent `since` trait and a `plan` that became "pro", for users with hostile ids. */
  private static List<StoredEvent> events() {
    List<StoredEvent> out = new ArrayList<>();
    List<String> users = List.of("u1", "o'brien", "\uFFFF", "back\\slash");
    for (int u = 0; u < users.size(); u++) {
      long t = T0 + u * 60_000L;
      String user = users.get(u);
      out.add(new StoredEvent(WS, "buy-" + u, "track", user, null, "buy", "{}", "{}", t, t));
      String since = Instant.ofEpochMilli(t).toString();
      out.add(new StoredEvent(WS, "id-" + u, "identify", user, null, null, "{}",
          "{\"since\":\"" + since + "\",\"plan\":\"" + (u % 2 == 0 ? "pro" : "free") + "\"}", t + 1, t + 1));
    }
    return out;
  }

  private static List<PropertyDefinition> definitions() {
    return List.of(
        segment("recent-buyer", JSON.objectNode().put("type", "Performed").put("id", "1").put("event", "buy").put("times", 1)
            .put("timesOperator", ">=").put("withinSeconds", 3_600)),
        segment("seen-lately", trait("since", JSON.objectNode().put("type", "Within").put("windowSeconds", 3_600))),
        segment("pro-for-2h", trait("plan", JSON.objectNode().put("type", "HasBeen").put("value", "pro").put("comparator", "GTE")
            .put("windowSeconds", 2 * 3_600))));
  }

  private static ObjectNode trait(String path, ObjectNode operator) {
    ObjectNode leaf = JSON.objectNode().put("type", "Trait").put("id", "1").put("path", path);
    leaf.set("operator", operator);
    return leaf;
  }

  private static PropertyDefinition segment(String id, ObjectNode entry) {
    ObjectNode definition = JSON.objectNode();
    definition.set("entryNode", entry);
    definition.putArray("nodes");
    ObjectNode message = JSON.objectNode().put("workspaceId", WS).put("id", id).put("name", id).put("type", "Segment");
    message.set("definition", definition);
    return DefinitionParser.parse(message);
  }
}
