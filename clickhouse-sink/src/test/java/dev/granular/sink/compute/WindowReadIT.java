package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.oracle.Oracle;
import dev.granular.sink.scenario.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a task reads its window: a planner's count that is too low never loses events, and the window's users,
 * kept from that read for the resolution, are resolved whether they were few enough to keep or not.
 */
class WindowReadIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_735_689_600_000L;
  private static EngineFixture fixture;

  @BeforeAll
  static void open() {
    fixture = EngineFixture.open("granular_window_read_it");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void aWindowLargerThanThePlannerCountedIsStillReadWhole() {
    String ws = "ws-underestimated";
    List<StoredEvent> events = new ArrayList<>();
    List<String> users = List.of("b", "a '; DROP TABLE x; --", "\uFFFF", "\uD83D\uDE00", "ünï", "c\\", "d");
    for (int i = 0; i < 35; i++) {
      events.add(new StoredEvent(ws, "m" + i, "track", users.get(i % users.size()), null, "signup", "{}", "{}", T0 + i, T0 + i));
    }
    fixture.writer().write(events);
    WorkspaceIndex index = ProfileCompiler.compile(ws, definitions(ws));
    StateInsert insert = new StateInsert(new Retrying(fixture.database().clickHouse(), Evaluation.RETRY), 10);

    StateInsert.Result told = insert.insert(index, ProcessingWindow.upTo(T0 + 100), ComputeScope.all(), 1);
    StateInsert.Result sliced = insert.insert(index, ProcessingWindow.upTo(T0 + 100), ComputeScope.all(),
        StateInsert.UNKNOWN_EVENTS);

    assertEquals(35, told.events(), "pages of 10 read all 35 events although the planner counted 1");
    assertEquals(sliced.events(), told.events());
    assertEquals(sliced.rows(), told.rows());
    TreeSet<String> expected = new TreeSet<>(SortedUnion.ORDER);
    expected.addAll(users);
    assertEquals(List.copyOf(expected), List.copyOf(told.subjects().orElseThrow()), "each user once, in ClickHouse's order");
  }

  @Test
  void aSteadyWindowResolvesItsUsersWhetherTheyWereKeptOrNot() {
    String ws = "ws-steady";
    List<PropertyDefinition> definitions = definitions(ws);
    List<StoredEvent> before = List.of(new StoredEvent(ws, "m-first", "track", "u-first", null, "signup", "{}", "{}", T0, T0));
    fixture.writer().write(before);
    WorkspaceIndex first = ProfileCompiler.compile(ws, definitions);
    fixture.engine().compute(first, ProcessingWindow.upTo(T0), ComputeScope.all(), T0);
    WorkspaceIndex steady = ProfileCompiler.compile(ws, definitions, first.baseline());

    List<StoredEvent> all = new ArrayList<>(before);
    long cursor = T0;
    for (int users : new int[] {3, StateInsert.SUBJECTS_KEPT + 10}) {
      List<StoredEvent> window = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        long at = cursor + 1 + i;
        window.add(new StoredEvent(ws, "m" + at, "track", "u" + users + "-" + i + " '", null, "signup", "{}", "{}", at, at));
      }
      for (int from = 0; from < window.size(); from += 10_000) {
        fixture.writer().write(window.subList(from, Math.min(window.size(), from + 10_000)));
      }
      all.addAll(window);
      long to = cursor + users;
      ComputeResult result = fixture.engine().compute(steady, new ProcessingWindow(cursor, to), ComputeScope.all(), to,
          users, change -> { });
      assertEquals(users, result.usersResolved(), "every user of the window, once");
      assertEquals(Outcome.of(Oracle.evaluate(definitions, all, to), definitions),
          Outcome.of(fixture.reader().snapshot(ws), definitions), "ClickHouse vs oracle after " + users + " users");
      cursor = to;
    }
  }

  private static List<PropertyDefinition> definitions(String ws) {
    ObjectNode entry = JSON.objectNode().put("type", "Performed").put("id", "1").put("event", "signup").put("times", 1)
        .put("timesOperator", ">=");
    ObjectNode definition = JSON.objectNode();
    definition.set("entryNode", entry);
    definition.putArray("nodes");
    ObjectNode message = JSON.objectNode().put("workspaceId", ws).put("id", "signed-up").put("name", "signed-up")
        .put("type", "Segment");
    message.set("definition", definition);
    return List.of(DefinitionParser.parse(message));
  }
}
