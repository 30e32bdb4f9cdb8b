package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compile.CompileBaseline;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.oracle.Oracle;
import dev.granular.sink.scenario.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batches on the real server, against the in-memory oracle: workspaces and users with hostile ids, a windowed count
 * whose members leave with no new event (time-dependent users found for the whole batch in one query), and a batch
 * whose windows hold more rows than it reads at once, which must then compute task by task rather than lose events.
 */
class ComputeBatchIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_735_689_600_000L;
  private static final long HOUR = 3_600_000L;
  private static final List<String> WORKSPACES = List.of("ws-a", "ws-b '; DROP TABLE x; --", "ws-\uD83D\uDE00\\\"");
  private static final List<String> USERS = List.of("u1", "o'brien", "\uFFFF", "back\\slash", "tab\tnew\nline");
  private EngineFixture fixture;
  private final Map<String, List<StoredEvent>> events = new HashMap<>();
  private final Map<String, CompileBaseline> baselines = new HashMap<>();
  private final Map<String, Outcome> before = new HashMap<>();
  private final Map<String, Long> last = new HashMap<>();

  @BeforeEach
  void open() {
    fixture = EngineFixture.open("granular_batch_it");
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aBatchGivesEachWorkspaceTheOraclesAnswersAndChanges() {
    ComputeBatch batch = batch(ComputeBatch.MAX_EVENTS);
    round(T0 + HOUR, 0, null); // the first compute backfills every leaf: alone
    round(T0 + 2 * HOUR, 3, batch);
    // No new event: the windowed count's members leave as their buys age out of the hour.
    round(T0 + 4 * HOUR, -1, batch);
    assertTrue(before.values().stream().allMatch(o -> o.values().get("recent").isEmpty()), "everyone left 'recent'");
  }

  @Test
  void aBatchWithMoreRowsThanItReadsAtOnceComputesTaskByTaskAndLosesNothing() {
    ComputeBatch batch = batch(5); // each workspace's window alone holds more rows than that
    round(T0 + HOUR, 0, null);
    round(T0 + 2 * HOUR, 3, batch);
    round(T0 + 4 * HOUR, 4, batch);
  }

  @Test
  void aBatchWhoseRowsOutgrowTheBufferInsertsThemAsItGoesAndCountsEachTasksOwn() {
    ComputeBatch batch = batch(ComputeBatch.MAX_EVENTS, 1); // inserted after every row
    round(T0 + HOUR, 0, null);
    round(T0 + 2 * HOUR, 3, batch);
    round(T0 + 4 * HOUR, 4, batch);
  }

  @Test
  void aBatchRefusesTwoTasksOfOneWorkspace() {
    round(T0 + HOUR, 0, null);
    WorkspaceIndex index = ProfileCompiler.compile(WORKSPACES.get(0), definitions(WORKSPACES.get(0)), baselines.get(WORKSPACES.get(0)));
    ComputeEngine.Task task = new ComputeEngine.Task(index, new ProcessingWindow(T0 + HOUR, T0 + 2 * HOUR), ComputeScope.all(),
        T0 + 2 * HOUR, 0, c -> { });
    assertThrows(IllegalArgumentException.class, () -> batch(ComputeBatch.MAX_EVENTS).compute(List.of(task, task)));
  }

  /**
   * Adds {@code seed}'s events (none when negative) received in the hour before {@code now} to every workspace, computes
   * the window since the last round (alone when {@code batch} is null), and checks answers and changes.
   */
  private void round(long now, int seed, ComputeBatch batch) {
    List<ComputeEngine.Task> tasks = new ArrayList<>();
    Map<String, List<AssignmentChange>> changes = new HashMap<>();
    Map<String, WorkspaceIndex> indexes = new HashMap<>();
    for (String ws : WORKSPACES) {
      List<StoredEvent> added = seed < 0 ? List.of() : events(ws, now - HOUR + 1, seed);
      fixture.writer().write(added);
      events.computeIfAbsent(ws, w -> new ArrayList<>()).addAll(added);
      WorkspaceIndex index = ProfileCompiler.compile(ws, definitions(ws), baselines.getOrDefault(ws, CompileBaseline.empty()));
      indexes.put(ws, index);
      List<AssignmentChange> found = new ArrayList<>();
      changes.put(ws, found);
      ProcessingWindow window = new ProcessingWindow(last.getOrDefault(ws, -1L), now);
      if (batch == null) {
        found.addAll(fixture.engine().compute(index, window, ComputeScope.all(), now).changes());
      } else {
        assertTrue(ComputeBatch.fits(index, ComputeScope.all(), added.size()), "a small task with no new leaf fits a batch");
        tasks.add(new ComputeEngine.Task(index, window, ComputeScope.all(), now, added.size(), found::add));
      }
    }
    if (batch != null) {
      List<ComputeResult> results = batch.compute(tasks);
      for (int i = 0; i < tasks.size(); i++) {
        ComputeEngine.Task t = tasks.get(i);
        assertEquals(t.index().workspaceId(), results.get(i).workspaceId(), "results in the tasks' order");
        LeafInputRows own = new LeafInputRows(t.index().workspaceId()); // counted apart, never inserted
        for (StoredEvent e : events.get(t.index().workspaceId())) {
          if (e.processingTimeMs() > t.window().fromExclusiveMs() && e.processingTimeMs() <= t.window().toInclusiveMs()) {
            StateInsert.add(t.index(), t.scope().leaves(t.index()), e, own);
          }
        }
        assertEquals(own.rows(), results.get(i).stateRows(), "the task's own state rows, " + t.index().workspaceId());
      }
    }
    for (String ws : WORKSPACES) {
      List<PropertyDefinition> definitions = definitions(ws);
      Outcome expected = Outcome.of(Oracle.evaluate(definitions, events.get(ws), now), definitions);
      assertEquals(expected, Outcome.of(fixture.reader().snapshot(ws), definitions), "ClickHouse vs oracle, " + ws + " at " + now);
      assertEquals(expected.changesSince(before.getOrDefault(ws, new Outcome(Map.of())), definitions),
          Outcome.changes(changes.get(ws)), "changes, " + ws + " at " + now);
      assertFalse(expected.values().get("plan").isEmpty(), "the case has answers to compare");
      before.put(ws, expected);
      baselines.put(ws, indexes.get(ws).baseline());
      last.put(ws, now);
    }
  }

  private ComputeBatch batch(int maxEvents) {
    return batch(maxEvents, StateInsert.FLUSH_BYTES);
  }

  private ComputeBatch batch(int maxEvents, long maxRowBytes) {
    Retrying retrying = new Retrying(fixture.database().clickHouse(), Evaluation.RETRY);
    return new ComputeBatch(retrying, new StateInsert(retrying, StateInsert.PAGE_EVENTS), new AssignmentResolver(retrying),
        maxEvents, maxRowBytes);
  }

  /** Two buys for some users, one for others, and a signup with a plan; hostile ids throughout. */
  private static List<StoredEvent> events(String ws, long from, int seed) {
    List<StoredEvent> out = new ArrayList<>();
    for (int u = 0; u < USERS.size(); u++) {
      String user = USERS.get(u);
      long t = from + u * 1_000L;
      out.add(new StoredEvent(ws, "buy-1-" + seed + "-" + u, "track", user, null, "buy", "{}", "{}", t, t));
      if ((u + seed) % 2 == 0) {
        out.add(new StoredEvent(ws, "buy-2-" + seed + "-" + u, "track", user, null, "buy", "{}", "{}", t + 1, t + 1));
      }
      out.add(new StoredEvent(ws, "signup-" + seed + "-" + u, "track", user, null, "signup",
          "{\"plan\":\"p" + (u + seed) % 3 + " '; --\"}", "{}", t + 2, t + 2));
    }
    return out;
  }

  private static List<PropertyDefinition> definitions(String ws) {
    ObjectNode recent = JSON.objectNode().put("type", "Performed").put("id", "1").put("event", "buy").put("times", 2)
        .put("timesOperator", ">=").put("withinSeconds", 3600);
    ObjectNode segment = JSON.objectNode();
    segment.set("entryNode", recent);
    segment.putArray("nodes");
    ObjectNode plan = JSON.objectNode().put("type", "Performed").put("event", "signup").put("path", "$.plan");
    return List.of(parse(ws, "recent", "Segment", segment), parse(ws, "plan", "UserProperty", plan));
  }

  private static PropertyDefinition parse(String ws, String id, String type, ObjectNode definition) {
    ObjectNode message = JSON.objectNode().put("workspaceId", ws).put("id", id).put("name", id).put("type", type);
    message.set("definition", definition);
    return DefinitionParser.parse(message);
  }
}
