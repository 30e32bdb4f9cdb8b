package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.Defs;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.scenario.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Repeated, overlapping and reordered work changes nothing: states, assignments and change sets. */
class IdempotencyIT {
  private static final long T0 = 1_735_689_600_000L;
  private static EngineFixture fixture;

  @BeforeAll
  static void open() {
    fixture = EngineFixture.open("granular_idempotency_it");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void theSameComputeTwiceReturnsTheSameChangesAndWritesNothing() {
    String ws = "same-twice";
    fixture.writer().write(events(ws));
    WorkspaceIndex index = ProfileCompiler.compile(ws, definitions(ws, true));
    ProcessingWindow window = new ProcessingWindow(-1, T0 + 500);
    ComputeResult first = fixture.engine().compute(index, window, ComputeScope.all(), T0 + 500);
    AssignmentReader.Snapshot assignments = fixture.reader().snapshot(ws);
    List<String> states = StateDump.of(fixture.database().clickHouse(), ws);

    ComputeResult again = fixture.engine().compute(index, window, ComputeScope.all(), T0 + 500);
    assertFalse(first.changes().isEmpty(), "the first compute assigns something");
    assertTrue(first.assignmentsWritten() > 0);
    assertEquals(first.changes(), again.changes(), "a repeated compute reports the same changes");
    assertEquals(0, again.assignmentsWritten(), "and writes nothing");
    assertEquals(assignments, fixture.reader().snapshot(ws));
    assertEquals(states, StateDump.of(fixture.database().clickHouse(), ws));
  }

  @Test
  void overlappingAndRepeatedWindowsAtALaterNowChangeNothing() {
    String ws = "overlap";
    fixture.writer().write(events(ws));
    WorkspaceIndex index = ProfileCompiler.compile(ws, definitions(ws, false));
    fixture.engine().compute(index, new ProcessingWindow(-1, T0 + 250), ComputeScope.all(), T0 + 250);
    WorkspaceIndex steady = ProfileCompiler.compile(ws, definitions(ws, false), index.baseline());
    fixture.engine().compute(steady, new ProcessingWindow(T0 + 250, T0 + 500), ComputeScope.all(), T0 + 500);
    AssignmentReader.Snapshot assignments = fixture.reader().snapshot(ws);
    List<String> states = StateDump.of(fixture.database().clickHouse(), ws);
    assertFalse(assignments.members().isEmpty());

    for (ProcessingWindow overlapping : List.of(new ProcessingWindow(T0 + 100, T0 + 500), new ProcessingWindow(-1, T0 + 500),
        new ProcessingWindow(T0 + 250, T0 + 500))) {
      ComputeResult result = fixture.engine().compute(steady, overlapping, ComputeScope.all(), T0 + 600);
      assertTrue(result.stateRows() > 0, "the overlapping window is inserted again");
      assertEquals(List.of(), result.changes(), "nothing changes: " + overlapping);
      assertEquals(0, result.assignmentsWritten());
      assertEquals(assignments, fixture.reader().snapshot(ws));
      assertEquals(states, StateDump.of(fixture.database().clickHouse(), ws));
    }
  }

  @Test
  void windowsInsertedInAnyOrderOrRepeatedGiveTheSameStatesAndAssignments() {
    List<ProcessingWindow> windows = List.of(new ProcessingWindow(-1, T0 + 100), new ProcessingWindow(T0 + 100, T0 + 300),
        new ProcessingWindow(T0 + 300, T0 + 500));
    List<List<String>> dumps = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(2, 0, 1, 2, 1), List.of(1, 2, 0, 0))) {
      String ws = "order-" + order.size();
      fixture.writer().write(events(ws));
      List<PropertyDefinition> definitions = definitions(ws, true);
      WorkspaceIndex index = ProfileCompiler.compile(ws, definitions);
      order.forEach(i -> fixture.engine().insertStates(index, windows.get(i), ComputeScope.all()));
      fixture.engine().resolve(index, ProcessingWindow.upTo(T0 + 500), ComputeScope.all(), T0 + 500);
      dumps.add(StateDump.of(fixture.database().clickHouse(), ws));
      outcomes.add(Outcome.of(fixture.reader().snapshot(ws), definitions));
    }
    assertFalse(dumps.get(0).isEmpty());
    assertEquals(dumps.get(0), dumps.get(1));
    assertEquals(dumps.get(0), dumps.get(2));
    assertEquals(outcomes.get(0), outcomes.get(1));
    assertEquals(outcomes.get(0), outcomes.get(2));
  }

  @Test
  void pagedReadsOfAWindowGiveTheSameStatesAsOneRead() {
    List<List<String>> dumps = new ArrayList<>();
    List<Long> events = new ArrayList<>();
    for (int pageEvents : new int[] {StateInsert.PAGE_EVENTS, 2, 3}) {
      String ws = "paged-" + pageEvents;
      List<StoredEvent> batch = events(ws);
      fixture.writer().write(batch);
      fixture.writer().write(batch); // a retried batch: repeated rows with the same key, some straddling page boundaries
      StateInsert insert = new StateInsert(new Retrying(fixture.database().clickHouse(), Evaluation.RETRY), pageEvents);
      events.add(insert.insert(ProfileCompiler.compile(ws, definitions(ws, true)), ProcessingWindow.upTo(T0 + 500),
          ComputeScope.all()).events());
      dumps.add(StateDump.of(fixture.database().clickHouse(), ws));
    }
    assertEquals(36, events.get(0), "30 messages, 6 of them received twice at different times");
    assertEquals(List.of(events.get(0), events.get(0), events.get(0)), events, "each stored event read once");
    assertEquals(dumps.get(0), dumps.get(1));
    assertEquals(dumps.get(0), dumps.get(2));
  }

  /** Every leaf kind; with {@code timed}, also predicates that depend on now. */
  private static List<PropertyDefinition> definitions(String ws, boolean timed) {
    List<String> messages = new ArrayList<>(List.of(
        segment(ws, "buyer", "{'type':'Performed','id':'1','event':'buy','times':2,'timesOperator':'>=',"
            + "'properties':[{'path':'sku','operator':{'type':'Exists'}}]}"),
        segment(ws, "pro", "{'type':'Trait','id':'1','path':'plan','operator':{'type':'Equals','value':'pro'}}"),
        segment(ws, "not-pro", "{'type':'Trait','id':'1','path':'plan','operator':{'type':'NotEquals','value':'pro'}}"),
        segment(ws, "tagged", "{'type':'Includes','id':'1','path':'tags','item':'a'}"),
        segment(ws, "last-a", "{'type':'LastPerformed','id':'1','event':'buy','hasProperties':"
            + "[{'path':'sku','operator':{'type':'Equals','value':'a'}}]}"),
        segment(ws, "all", "{'type':'Everyone','id':'1'}"),
        property(ws, "plan", "{'type':'Trait','path':'plan'}"),
        property(ws, "sku", "{'type':'Performed','event':'buy','path':'sku'}"),
        property(ws, "bought", "{'type':'PerformedMany','or':[{'event':'buy'}]}"),
        property(ws, "anon", "{'type':'AnonymousId'}")));
    if (timed) {
      messages.add(segment(ws, "pro-a-while", "{'type':'Trait','id':'1','path':'plan','operator':"
          + "{'type':'HasBeen','value':'pro','comparator':'GTE','windowSeconds':60}}"));
      messages.add(segment(ws, "recent", "{'type':'Performed','id':'1','event':'buy','withinSeconds':3600}"));
    }
    return messages.stream().map(DefinitionParser::parse).toList();
  }

  private static String segment(String ws, String id, String entry) {
    return Defs.json("{'workspaceId':'" + ws + "','id':'" + id + "','type':'Segment','definition':{'entryNode':" + entry
        + ",'nodes':[]}}");
  }

  private static String property(String ws, String id, String definition) {
    return Defs.json("{'workspaceId':'" + ws + "','id':'" + id + "','type':'UserProperty','definition':" + definition + "}");
  }

  /** Received over (T0, T0 + 500], some re-sent in a later window, event times out of order. */
  private static List<StoredEvent> events(String ws) {
    List<StoredEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String user = "u" + i % 4;
      long time = T0 - (i * 7_919L) % 90_000;
      long received = T0 + 1 + i * 16;
      StoredEvent event = i % 3 == 0
          ? new StoredEvent(ws, "m" + i, "identify", user, "a" + i % 2, null, "{}",
              "{\"plan\":\"" + (i % 2 == 0 ? "pro" : "free") + "\",\"tags\":[\"" + (char) ('a' + i % 3) + "\"]}", time, received)
          : new StoredEvent(ws, "m" + i, "track", user, null, "buy", "{\"sku\":\"" + (char) ('a' + i % 3) + "\"}", "{}",
              time, received);
      events.add(event);
      if (i % 5 == 0) {
        events.add(event.withProcessingTime(Math.min(T0 + 500, received + 200)));
      }
    }
    return events;
  }
}
