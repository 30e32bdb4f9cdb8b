package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.migrate.Migrator;
import dev.granular.sink.oracle.Oracle;
import dev.granular.sink.scenario.Evaluation;
import dev.granular.sink.scenario.TestServer;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migration 0004 rebuilds the user-keyed tables with finer granules, in place: a database computed on the old
 * schema keeps every state and assignment, even when an earlier run of the migration stopped halfway, and the
 * next compute writes through the materialized views into the rebuilt tables and agrees with the oracle.
 */
class GranularityMigrationIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_735_689_600_000L;
  private static final String WS = "ws it's '); DROP TABLE assignments; --";
  private static final List<String> TABLES = List.of("leaf_latest", "leaf_counts", "leaf_history", "assignments");
  private final ClickHouse clickHouse = new ClickHouse(TestServer.settings().withDatabase("granular_upgrade_it_"
      + UUID.randomUUID().toString().replace("-", "")));
  private final Migrator migrator = new Migrator(clickHouse);

  @AfterEach
  void drop() {
    migrator.dropDatabase();
    clickHouse.close();
  }

  @Test
  void everyStateAndAssignmentSurvivesTheRebuildAndComputesGoOnInTheNewTables() {
    assertEquals(3, migrator.migrateFirst(3).size(), "the schema before 0004");
    ComputeEngine engine = new ComputeEngine(clickHouse, Evaluation.RETRY);
    EventBatchWriter writer = new EventBatchWriter(clickHouse, Evaluation.RETRY);
    AssignmentReader reader = new AssignmentReader(clickHouse, Evaluation.RETRY);
    List<PropertyDefinition> definitions = definitions();
    List<StoredEvent> events = new ArrayList<>(events(0, T0));
    writer.write(events);
    WorkspaceIndex first = ProfileCompiler.compile(WS, definitions);
    engine.compute(first, new ProcessingWindow(-1, T0 + 1_000), ComputeScope.all(), T0 + 1_000);
    AssignmentReader.Snapshot before = reader.snapshot(WS);
    List<String> statesBefore = StateDump.of(clickHouse, WS);
    assertTrue(statesBefore.size() > 300, "states of every kind: " + statesBefore.size());
    // An earlier run that stopped after copying one table: the rerun copies it again.
    String db = Sql.identifier(clickHouse.database());
    clickHouse.execute("CREATE TABLE " + db + ".leaf_counts__next AS " + db + ".leaf_counts ENGINE = AggregatingMergeTree()"
        + " ORDER BY (workspace_id, leaf_id, user_id, bucket) SETTINGS index_granularity = 1024");
    clickHouse.execute("INSERT INTO " + db + ".leaf_counts__next SELECT * FROM " + db + ".leaf_counts");

    assertEquals(List.of("0004_fine_index_granularity"), migrator.migrate());

    for (String table : TABLES) {
      String engineFull = clickHouse.scalar("SELECT engine_full FROM system.tables WHERE database = "
          + Sql.string(clickHouse.database()) + " AND name = " + Sql.string(table));
      assertTrue(engineFull.contains("index_granularity = 1024"), table + ": " + engineFull);
    }
    assertEquals(0, clickHouse.scalarLong("SELECT count() FROM system.tables WHERE database = "
        + Sql.string(clickHouse.database()) + " AND (name LIKE '%\\\\_\\\\_next' OR name LIKE '%\\\\_\\\\_old')"), "no copies left");
    assertEquals(statesBefore, StateDump.of(clickHouse, WS), "every state, once");
    assertEquals(before, reader.snapshot(WS), "every assignment");

    List<StoredEvent> later = events(1, T0 + 2_000);
    writer.write(later);
    events.addAll(later);
    WorkspaceIndex next = ProfileCompiler.compile(WS, definitions, first.baseline());
    engine.compute(next, new ProcessingWindow(T0 + 1_000, T0 + 3_000), ComputeScope.all(), T0 + 3_000);
    assertEquals(Outcome.of(Oracle.evaluate(definitions, events, T0 + 3_000), definitions),
        Outcome.of(reader.snapshot(WS), definitions), "computes after the rebuild agree with the oracle");
  }

  /** Per user: two purchases (a count), an identify (a latest trait) and a list of purchases (a history). */
  private static List<StoredEvent> events(int round, long processingTime) {
    List<StoredEvent> out = new ArrayList<>();
    for (int u = 0; u < 120; u++) {
      String user = "user '" + u;
      String traits = JSON.objectNode().put("plan", u % 3 == round ? "pro" : "free").toString();
      out.add(new StoredEvent(WS, "i" + round + "-" + u, "identify", user, null, null, "{}", traits, T0 + u, processingTime));
      for (int k = 0; k < 1 + (u + round) % 2; k++) {
        out.add(new StoredEvent(WS, "b" + round + "-" + u + "-" + k, "track", user, null, "buy", "{\"sku\":\"s" + k + "\"}", "{}",
            T0 + u + k + 1, processingTime));
      }
    }
    return out;
  }

  private static List<PropertyDefinition> definitions() {
    return List.of(
        segment("buyer", JSON.objectNode().put("type", "Performed").put("id", "1").put("event", "buy").put("times", 2)
            .put("timesOperator", ">=")),
        segment("pro", JSON.objectNode().put("type", "Trait").put("id", "1").put("path", "$.plan")
            .set("operator", JSON.objectNode().put("type", "Equals").put("value", "pro"))),
        parse("plan", "UserProperty", JSON.objectNode().put("type", "Trait").put("path", "$.plan")),
        parse("purchases", "UserProperty", JSON.objectNode().put("type", "PerformedMany")
            .set("or", JSON.arrayNode().add(JSON.objectNode().put("event", "buy")))));
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
