package dev.granular.app.planner;

import dev.granular.app.definitions.WorkspaceView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceTick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine alone: a split plan's parts go out K at a time, the next as each one finishes. */
class PlannerPacingTest {
  private static final int K = 2;
  private final Planner planner = new Planner(new PlannerSettings(100, 1024, 2, Duration.ofSeconds(1), Duration.ofSeconds(10),
      Duration.ofMinutes(1), 5, K, 1));
  private final WorkspaceView view = new WorkspaceView(1, List.of("a", "b", "c", "d"), List.of(), 4, false);
  private final PlannerState state = Planner.fresh("w");

  private List<ComputeTask> tick() {
    planner.onProgress(state, new IngestProgress("w", 1_000L, 1_000L, 1_000L, 0L, 0L, 1_000L, 0, 1_000L), 1_000L);
    return planner.onTick(state, new WorkspaceTick("w", 5_000L, "test", null), view, 10).dispatch();
  }

  private PlannerActions result(ComputeTask t, boolean success) {
    return planner.onResult(state, new TaskResult(t.getPlanId(), "w", t.getPart(), 0, t.getAttempt(), success,
        success ? null : "no", 0L, 0L, 0L, 0L, 20L, 20L, 30L, 0), view, 40);
  }

  @Test
  void onlyKPartsAreOutAtOnceAndEachFinishedPartReleasesTheNext() {
    List<ComputeTask> out = new ArrayList<>(tick());
    assertEquals(K, out.size());
    assertEquals(40, state.getInFlight().getParts().size());
    assertEquals(38, state.getInFlight().getParts().stream().filter(Planner::waiting).count());
    List<ComputeTask> sent = new ArrayList<>(out);
    while (!out.isEmpty()) {
      ComputeTask done = out.remove(0);
      List<ComputeTask> released = result(done, true).dispatch();
      assertTrue(released.size() <= 1, "one finished part releases at most one: " + released.size());
      out.addAll(released);
      sent.addAll(released);
      assertTrue(out.size() <= K);
    }
    assertNull(state.getInFlight(), "every part ran and the plan completed");
    assertEquals(40, sent.stream().map(ComputeTask::getPart).distinct().count());
    assertEquals(40, sent.size(), "no part sent twice");
  }

  @Test
  void aRetryingPartKeepsItsPlaceAndWaitingPartsAreNotTimedOut() {
    List<ComputeTask> out = tick();
    assertEquals(List.of(), result(out.get(0), false).dispatch(), "a failed part will be retried: no new part");
    // Long after the task timeout: only the two sent parts can time out; the waiting ones were never sent.
    PlannerActions timer = planner.onTimer(state, 10 + Duration.ofMinutes(5).toMillis());
    assertEquals(List.of(0), timer.dispatch().stream().map(ComputeTask::getPart).toList(), "the retry of part 0");
    assertEquals(38, state.getInFlight().getParts().stream().filter(Planner::waiting).count());
  }

  @Test
  void aSplitPlansPartsAreSpreadOverEveryLaneFromItsOwnAndAFinishedPartsLaneTakesTheNext() {
    int lanes = 3;
    Planner spread = new Planner(new PlannerSettings(100, 1024, 2, Duration.ofSeconds(1), Duration.ofSeconds(10),
        Duration.ofMinutes(1), 5, 1, lanes));
    PlannerState s = Planner.fresh("w");
    spread.onProgress(s, new IngestProgress("w", 1_000L, 1_000L, 1_000L, 0L, 0L, 1_000L, 0, 1_000L), 1_000L);
    List<ComputeTask> out = spread.onTick(s, new WorkspaceTick("w", 5_000L, "test", null), view, 10).dispatch();
    int home = PartLanes.home("w", lanes);
    assertEquals(List.of(home, (home + 1) % lanes, (home + 2) % lanes), out.stream().map(ComputeTask::getLane).toList(),
        "one part per lane, the workspace's own partition first");
    ComputeTask done = out.get(1);
    List<ComputeTask> next = spread.onResult(s, new TaskResult(done.getPlanId(), "w", done.getPart(), 0, done.getAttempt(), true,
        null, 0L, 0L, 0L, 0L, 20L, 20L, 30L, 0), view, 40).dispatch();
    assertEquals(List.of(done.getLane()), next.stream().map(ComputeTask::getLane).toList(), "the freed lane takes the next part");
  }
}
