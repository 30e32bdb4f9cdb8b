package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.compile.CompileBaseline;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.oracle.Oracle;
import dev.granular.sink.scenario.Evaluation;
import dev.granular.sink.scenario.ScratchDatabase;
import dev.granular.sink.scenario.TestServer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The randomized differential test: ClickHouse results must equal the oracle's for random definitions and
 * events, (a) computed in one window, (b) incrementally over several windows, (c) with each window split
 * into random scopes and stages, (d) incrementally with the rounds of {@link #BATCH} cases computed together as one
 * batch ({@link ComputeEngine#compute(List)}) wherever they are batchable. Incremental runs also check each
 * compute's change set against the difference of consecutive oracle results, and that repeating a compute changes
 * and writes nothing.
 *
 * <p>{@code -Doracle.cases=N} (default 200), {@code -Doracle.seed=S} replays a run, {@code -Doracle.case=I}
 * runs only case I of that seed.
 */
class OracleDifferentialIT {
  private static final int CASES = Integer.getInteger("oracle.cases", 200);
  private static final long SEED = Long.getLong("oracle.seed", new SecureRandom().nextLong());
  private static final Integer ONLY = Integer.getInteger("oracle.case");

  /** Cases per database: every tiny insert merges into the table's big part, so tables are kept small. */
  private static final int CASES_PER_DATABASE = 250;
  /** Cases computed together in mode (d); divides CASES_PER_DATABASE, so a batch never spans two databases. */
  private static final int BATCH = 5;

  private ScratchDatabase database;
  private ComputeEngine engine;
  private AssignmentReader reader;
  private EventBatchWriter writer;
  private long compared;
  private long batched;

  private void open() {
    database = TestServer.scratch("granular_oracle_it");
    engine = new ComputeEngine(database.clickHouse(), Evaluation.RETRY);
    reader = new AssignmentReader(database.clickHouse(), Evaluation.RETRY);
    writer = new EventBatchWriter(database.clickHouse(), Evaluation.RETRY);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  @Test
  void clickHouseAgreesWithTheOracle() {
    System.out.println("OracleDifferentialIT: seed " + SEED + ", " + CASES + " cases (replay with -Doracle.seed=" + SEED + ")");
    long start = System.nanoTime();
    int last = ONLY != null ? ONLY + 1 : CASES;
    List<DiffCase> group = new ArrayList<>();
    for (int i = ONLY != null ? ONLY : 0; i < last; i++) {
      if (database == null || i % CASES_PER_DATABASE == 0) {
        close();
        open();
      }
      DiffCase c = DiffCase.generate(SEED, i);
      oneWindow(c);
      incremental(c, "b", (index, window) -> engine.compute(index, window, ComputeScope.all(), window.toInclusiveMs()).changes());
      ScopedPlan plan = new ScopedPlan(engine, new Random(SEED ^ i));
      incremental(c, "c", (index, window) -> plan.run(index, window, window.toInclusiveMs()));
      group.add(c);
      if (group.size() == BATCH || i == last - 1) {
        batched(group);
        group = new ArrayList<>();
      }
    }
    System.out.printf("OracleDifferentialIT: %d assignments compared, %d tasks computed in batches, in %.1f s%n", compared,
        batched, (System.nanoTime() - start) / 1e9);
    assertTrue(compared > 0, "the cases must produce assignments to compare");
    assertTrue(ONLY != null || batched > 0, "some rounds must have been computed in batches");
  }

  /**
   * (d) the cases' rounds side by side: round r of every case that has one is computed in one batch (each case its own
   * workspace, window and now), apart from the rounds a batch cannot take (new leaves, changed properties), which run
   * alone first. Each case is then checked against the oracle and its change set, as in (b).
   */
  private void batched(List<DiffCase> group) {
    int cases = group.size();
    String[] ws = new String[cases];
    List<List<StoredEvent>> events = new ArrayList<>();
    CompileBaseline[] baseline = new CompileBaseline[cases];
    Outcome[] before = new Outcome[cases];
    long[] windowStart = new long[cases];
    int rounds = 0;
    for (int k = 0; k < cases; k++) {
      ws[k] = "case-" + group.get(k).index() + "-d";
      events.add(group.get(k).events(ws[k]));
      writer.write(events.get(k));
      baseline[k] = CompileBaseline.empty();
      before[k] = new Outcome(Map.of());
      windowStart[k] = -1;
      rounds = Math.max(rounds, group.get(k).rounds().size());
    }
    for (int round = 0; round < rounds; round++) {
      List<ComputeEngine.Task> tasks = new ArrayList<>();
      List<Integer> taskCase = new ArrayList<>();
      List<List<AssignmentChange>> changes = new ArrayList<>();
      WorkspaceIndex[] index = new WorkspaceIndex[cases];
      for (int k = 0; k < cases; k++) {
        changes.add(new ArrayList<>());
        DiffCase c = group.get(k);
        if (round >= c.rounds().size()) {
          continue;
        }
        long now = c.rounds().get(round);
        index[k] = ProfileCompiler.compile(ws[k], c.definitionsAt(round, ws[k]), baseline[k]);
        ProcessingWindow window = new ProcessingWindow(windowStart[k], now);
        long counted = events.get(k).stream().filter(e -> e.processingTimeMs() > window.fromExclusiveMs()
            && e.processingTimeMs() <= now).count();
        if (ComputeEngine.batchable(index[k], ComputeScope.all(), counted)) {
          tasks.add(new ComputeEngine.Task(index[k], window, ComputeScope.all(), now, counted, changes.get(k)::add));
          taskCase.add(k);
        } else {
          changes.get(k).addAll(engine.compute(index[k], window, ComputeScope.all(), now).changes());
        }
      }
      engine.compute(tasks);
      batched += tasks.size();
      if (round % 2 == 1 && !tasks.isEmpty()) {
        List<List<AssignmentChange>> again = new ArrayList<>();
        List<ComputeEngine.Task> repeated = new ArrayList<>();
        for (ComputeEngine.Task t : tasks) {
          List<AssignmentChange> listed = new ArrayList<>();
          again.add(listed);
          repeated.add(new ComputeEngine.Task(t.index(), t.window(), t.scope(), t.nowMs(), t.expectedEvents(), listed::add));
        }
        List<ComputeResult> results = engine.compute(repeated);
        for (int t = 0; t < tasks.size(); t++) {
          int k = taskCase.get(t);
          assertEquals(0, results.get(t).assignmentsWritten(), "a repeated batch writes nothing, round " + round + "\n" + group.get(k));
          assertEquals(Outcome.changes(changes.get(k)), Outcome.changes(again.get(t)),
              "a repeated batch finds the same changes, round " + round + "\n" + group.get(k));
        }
      }
      for (int k = 0; k < cases; k++) {
        DiffCase c = group.get(k);
        if (round >= c.rounds().size()) {
          continue;
        }
        long now = c.rounds().get(round);
        List<PropertyDefinition> definitions = c.definitionsAt(round, ws[k]);
        String where = "mode d (batched), round " + round + " (now " + now + ")";
        Outcome expected = check(c, where, definitions, events.get(k), now, ws[k]);
        assertEquals(expected.changesSince(before[k], definitions), Outcome.changes(changes.get(k)),
            "change set, " + where + "\n" + c);
        baseline[k] = index[k].baseline();
        before[k] = expected;
        windowStart[k] = now;
      }
    }
  }

  /** (a) all events in one window, computed once at the last round's time. */
  private void oneWindow(DiffCase c) {
    String ws = "case-" + c.index() + "-a";
    List<StoredEvent> events = c.events(ws);
    writer.write(events);
    long now = c.rounds().get(c.rounds().size() - 1);
    List<PropertyDefinition> definitions = c.definitionsAt(c.rounds().size() - 1, ws);
    engine.compute(ProfileCompiler.compile(ws, definitions), ProcessingWindow.upTo(now), ComputeScope.all(), now);
    check(c, "one window", definitions, events, now, ws);
  }

  /** (b)/(c) one compute per round over the window since the previous one; definitions may change between. */
  private void incremental(DiffCase c, String mode,
      BiFunction<WorkspaceIndex, ProcessingWindow, List<AssignmentChange>> compute) {
    String ws = "case-" + c.index() + "-" + mode;
    List<StoredEvent> events = c.events(ws);
    writer.write(events);
    CompileBaseline baseline = CompileBaseline.empty();
    Outcome before = new Outcome(Map.of());
    long windowStart = -1;
    for (int round = 0; round < c.rounds().size(); round++) {
      long now = c.rounds().get(round);
      List<PropertyDefinition> definitions = c.definitionsAt(round, ws);
      WorkspaceIndex index = ProfileCompiler.compile(ws, definitions, baseline);
      ProcessingWindow window = new ProcessingWindow(windowStart, now);
      List<AssignmentChange> changes = compute.apply(index, window);
      String where = "mode " + mode + ", round " + round + " (now " + now + ")";
      Outcome expected = check(c, where, definitions, events, now, ws);
      assertEquals(expected.changesSince(before, definitions), Outcome.changes(changes),
          "change set, " + where + "\n" + c);
      if ((round + c.index()) % 4 == 0) {
        ComputeResult again = engine.compute(index, window, ComputeScope.all(), now);
        assertEquals(Outcome.changes(changes), Outcome.changes(again.changes()), "repeated compute, " + where + "\n" + c);
        assertEquals(0, again.assignmentsWritten(), "a repeated compute writes nothing, " + where + "\n" + c);
      }
      baseline = index.baseline();
      before = expected;
      windowStart = now;
    }
  }

  private Outcome check(DiffCase c, String where, List<PropertyDefinition> definitions, List<StoredEvent> events,
      long now, String ws) {
    Outcome expected = Outcome.of(Oracle.evaluate(definitions, events, now), definitions);
    Outcome actual = Outcome.of(reader.snapshot(ws), definitions);
    assertEquals(expected, actual, "ClickHouse vs oracle, " + where + "\n" + c);
    compared += expected.values().values().stream().mapToInt(Map::size).sum();
    return expected;
  }
}
