package dev.granular.app.planner;

import dev.granular.app.definitions.WorkspaceView;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.PartState;
import dev.granular.avro.PartStatus;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceTick;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner's state machine for one workspace, free of Kafka and ClickHouse so it can be tested alone.
 * It decides; the compute sink executes. One plan is in flight at a time; the cursor moves only forward,
 * only when every part of the plan has succeeded, and never past the ingest watermark.
 */
public final class Planner {
  /** A manual tick with this source also sends a parked plan's parked parts again. */
  public static final String RETRY_PARKED = "retry-parked";

  private final PlannerSettings settings;
  private final PlanFactory plans;

  public Planner(PlannerSettings settings) {
    this.settings = settings;
    this.plans = new PlanFactory(new SplitPolicy(settings.threshold(), settings.maxParts()));
  }

  public static PlannerState fresh(String workspaceId) {
    return PlannerState.newBuilder().setWorkspaceId(workspaceId).build();
  }

  /**
   * Counts what an input partition made durable for the workspace. The watermark follows the lowest input
   * partition's ({@code lowWatermarkMs}), held at the workspace's latest durable event: so it stands still while
   * the workspace receives nothing, and never passes an event some partition is still writing.
   */
  public void onProgress(PlannerState s, IngestProgress p, long lowWatermarkMs) {
    s.setDurableMaxMs(Math.max(s.getDurableMaxMs(), p.getWatermarkMs()));
    if (p.getInputPartition() < 0) {
      // Written when events were repartitioned by workspace first: the watermark was the workspace's own, exact.
      s.setWatermarkMs(Math.max(s.getWatermarkMs(), p.getWatermarkMs()));
      s.setEventsTotal(Math.max(s.getEventsTotal(), p.getDurableEventsTotal()));
      return;
    }
    String partition = Integer.toString(p.getInputPartition());
    long counted = s.getEventsByPartition().getOrDefault(partition, 0L);
    if (p.getDurableEventsTotal() > counted) {
      java.util.Map<String, Long> totals = new java.util.HashMap<>(s.getEventsByPartition());
      totals.put(partition, p.getDurableEventsTotal());
      s.setEventsByPartition(totals);
      s.setEventsTotal(s.getEventsTotal() + p.getDurableEventsTotal() - counted);
    }
    onWatermark(s, lowWatermarkMs);
  }

  /** The lowest input partition's watermark moved: the workspace's moves with it, up to its latest durable event. */
  public void onWatermark(PlannerState s, long lowWatermarkMs) {
    s.setWatermarkMs(Math.max(s.getWatermarkMs(), Math.min(lowWatermarkMs, s.getDurableMaxMs())));
  }

  /** Everything durable is computed: the cursor is at the workspace's latest durable event (and its watermark). */
  public static boolean computedAllDurable(PlannerState s) {
    return s.getCursorMs() >= s.getWatermarkMs() && s.getCursorMs() >= s.getDurableMaxMs();
  }

  /** Whether the workspace's watermark still waits for some input partition to pass its latest durable event. */
  public static boolean awaitsWatermark(PlannerState s) {
    return s.getWatermarkMs() < s.getDurableMaxMs();
  }

  public void onDefinitions(PlannerState s, WorkspaceView view) {
    s.setDefinitionsVersion(view.version());
    s.setProperties(view.propertyIds().size());
    s.setLeaves(view.leaves());
    s.setTimeDependent(view.timeDependent());
  }

  public PlannerActions onTick(PlannerState s, WorkspaceTick tick, WorkspaceView view, long wallNow) {
    if (tick.getTickAtMs() == s.getLastTickMs() && !RETRY_PARKED.equals(tick.getSource())) {
      // The same tick read again after a restart (its offset was not committed yet) asks for nothing new.
      return PlannerActions.none("repeated tick " + tick.getTickAtMs());
    }
    s.setLastTickMs(Math.max(s.getLastTickMs(), tick.getTickAtMs()));
    Plan inFlight = s.getInFlight();
    if (tick.getRewindToMs() != null) {
      rewind(s, tick.getRewindToMs());
    }
    if (inFlight != null) {
      if (inFlight.getParked() && RETRY_PARKED.equals(tick.getSource())) {
        return unpark(inFlight, wallNow);
      }
      s.setPendingTick(Math.max(s.getPendingTick() == null ? 0 : s.getPendingTick(), tick.getTickAtMs()));
      return PlannerActions.none("coalesced: plan " + inFlight.getPlanId() + " in flight");
    }
    return plan(s, tick.getTickAtMs(), view, wallNow);
  }

  /**
   * A backfill asks for everything received after {@code toMs} to be computed again. The plan in flight must
   * finish first (its completion would move the cursor forward again), so then the rewind waits for it.
   */
  private static void rewind(PlannerState s, long toMs) {
    if (s.getInFlight() != null) {
      s.setPendingRewindMs(s.getPendingRewindMs() == null ? toMs : Math.min(s.getPendingRewindMs(), toMs));
      return;
    }
    if (toMs >= s.getCursorMs()) {
      return;
    }
    // The durable total at toMs is known only where a completed plan ended at or before it; otherwise 0, which
    // overestimates the work (more parts), never underestimates it.
    long totalAt = 0;
    for (Plan p : s.getCompleted()) {
      if (p.getWindowToMs() <= toMs) {
        totalAt = Math.max(totalAt, p.getEventsTotalAtEnd());
      }
    }
    s.setCursorMs(toMs);
    s.setEventsTotalAtCursor(Math.min(s.getEventsTotalAtCursor(), totalAt));
  }

  /** What a tick at {@code nowMs} would plan, without changing anything (for `explain`). */
  public PlanFactory.Proposal explain(PlannerState s, long nowMs, WorkspaceView view, long wallNow) {
    return plans.propose(s, nowMs, view, wallNow);
  }

  private PlannerActions plan(PlannerState s, long nowMs, WorkspaceView view, long wallNow) {
    PlanFactory.Proposal proposal = plans.propose(s, nowMs, view, wallNow);
    if (proposal.plan() == null) {
      return PlannerActions.none(proposal.reason());
    }
    s.setInFlight(proposal.plan());
    s.setPendingTick(null);
    PlannerActions actions = PlannerActions.none(proposal.reason());
    dispatchWaiting(proposal.plan(), actions, wallNow);
    return actions;
  }

  public PlannerActions onResult(PlannerState s, TaskResult r, WorkspaceView view, long wallNow) {
    Plan plan = s.getInFlight();
    if (plan == null || !plan.getPlanId().equals(r.getPlanId()) || r.getPart() < 0 || r.getPart() >= plan.getParts().size()) {
      return PlannerActions.none("ignored result of plan " + r.getPlanId() + ": not in flight");
    }
    PartState part = plan.getParts().get(r.getPart());
    if (part.getStatus() == PartStatus.DONE) {
      return PlannerActions.none("ignored duplicate result for part " + r.getPart());
    }
    if (r.getSuccess()) {
      // A success from an earlier attempt counts too: every attempt does the same idempotent work.
      part.setStatus(PartStatus.DONE);
      part.setOutcome(r);
      if (allDone(plan)) {
        return complete(s, plan, view, wallNow);
      }
      PlannerActions actions = PlannerActions.none("part " + r.getPart() + " done");
      if (!plan.getParked()) {
        dispatchWaiting(plan, actions, wallNow);
      }
      return actions;
    }
    if (r.getAttempt() != part.getTask().getAttempt()) {
      return PlannerActions.none("ignored failure of superseded attempt " + r.getAttempt());
    }
    return failed(plan, part, r.getReason() == null ? "failed" : r.getReason(), wallNow);
  }

  /** Not yet sent: queued by the plan factory, waiting for one of the plan's {@code partsInFlight} places. */
  public static boolean waiting(PartState part) {
    return part.getStatus() == PartStatus.QUEUED && part.getDispatchedAtMs() == 0;
  }

  /**
   * Sends waiting parts, in order, while fewer than {@code partsInFlight} of the plan's parts are unfinished. A
   * split plan's part goes to the lane (task-topic partition) with the fewest of the plan's unfinished parts,
   * starting from the workspace's own, at most {@code partsPerLane} on each.
   */
  private void dispatchWaiting(Plan plan, PlannerActions actions, long wallNow) {
    PartLanes lanes = new PartLanes(settings.lanes(), plan.getParts().get(0).getTask().getWorkspaceId());
    int unfinished = 0;
    for (PartState p : plan.getParts()) {
      if (p.getStatus() == PartStatus.RETRYING || (p.getStatus() == PartStatus.QUEUED && !waiting(p))) {
        unfinished++;
        lanes.occupy(p.getTask().getLane());
      }
    }
    for (PartState p : plan.getParts()) {
      if (unfinished >= settings.partsInFlight()) {
        return;
      }
      if (waiting(p)) {
        if (p.getTask().getPriority()) {
          p.getTask().setLane(lanes.next());
        }
        p.setDispatchedAtMs(Math.max(1, wallNow));
        actions.dispatch(p.getTask());
        unfinished++;
      }
    }
  }

  private static boolean allDone(Plan plan) {
    for (PartState p : plan.getParts()) {
      if (p.getStatus() != PartStatus.DONE) {
        return false;
      }
    }
    return true;
  }

  /** Retries that are due, and parts whose result is overdue (treated as failed attempts). */
  public PlannerActions onTimer(PlannerState s, long wallNow) {
    Plan plan = s.getInFlight();
    PlannerActions actions = PlannerActions.none("");
    if (plan == null || plan.getParked()) {
      return actions;
    }
    for (PartState part : plan.getParts()) {
      if (part.getStatus() == PartStatus.RETRYING && part.getRetryAtMs() <= wallNow) {
        actions.dispatch(redispatch(part, part.getTask().getAttempt() + 1, wallNow));
      } else if (part.getStatus() == PartStatus.QUEUED && !waiting(part)
          && part.getDispatchedAtMs() + settings.taskTimeout().toMillis() <= wallNow) {
        actions.and(failed(plan, part, "no result within " + settings.taskTimeout(), wallNow));
      }
    }
    return actions;
  }

  private PlannerActions failed(Plan plan, PartState part, String reason, long wallNow) {
    part.setLastError(reason);
    int attempt = part.getTask().getAttempt();
    if (attempt >= settings.maxAttempts()) {
      part.setStatus(PartStatus.PARKED);
      plan.setParked(true);
      PlannerActions actions = PlannerActions.none("plan " + plan.getPlanId() + " parked after " + attempt + " attempts of part "
          + part.getTask().getPart() + ": " + reason);
      actions.park(part.getTask(), reason);
      return actions;
    }
    part.setStatus(PartStatus.RETRYING);
    part.setRetryAtMs(wallNow + settings.backoffMs(attempt));
    return PlannerActions.none("part " + part.getTask().getPart() + " attempt " + attempt + " failed, retry at " + part.getRetryAtMs());
  }

  private PlannerActions unpark(Plan plan, long wallNow) {
    plan.setParked(false);
    PlannerActions actions = PlannerActions.none("unparked plan " + plan.getPlanId());
    for (PartState part : plan.getParts()) {
      if (part.getStatus() == PartStatus.PARKED) {
        actions.dispatch(redispatch(part, 1, wallNow));
      }
    }
    return actions;
  }

  private static ComputeTask redispatch(PartState part, int attempt, long wallNow) {
    ComputeTask task = ComputeTask.newBuilder(part.getTask()).setAttempt(attempt).build();
    part.setTask(task);
    part.setStatus(PartStatus.QUEUED);
    part.setDispatchedAtMs(Math.max(1, wallNow));
    return task;
  }

  /**
   * A completed plan keeps its figures but not its parts: the state is read and written on every input, and a
   * whale's parts (a task and a result each) made it ~20 KB, so serde dominated the planner's cost.
   */
  static Plan summarize(Plan plan) {
    long finished = 0;
    List<Long> work = new ArrayList<>(plan.getParts().size());
    for (PartState part : plan.getParts()) {
      work.add(part.getTask().getEstimatedWork());
      if (part.getOutcome() != null) {
        finished = Math.max(finished, part.getOutcome().getFinishedAtMs());
      }
    }
    plan.setFinishedAtMs(finished);
    plan.setPartWork(work);
    plan.setParts(List.of());
    return plan;
  }

  private PlannerActions complete(PlannerState s, Plan plan, WorkspaceView view, long wallNow) {
    s.setCursorMs(Math.max(s.getCursorMs(), plan.getWindowToMs()));
    s.setEventsTotalAtCursor(Math.max(s.getEventsTotalAtCursor(), plan.getEventsTotalAtEnd()));
    s.setComputedVersion(plan.getDefinitionsVersion());
    s.setInFlight(null);
    List<Plan> completed = new ArrayList<>(s.getCompleted());
    completed.add(summarize(plan));
    while (completed.size() > settings.completedPlansKept()) {
      completed.remove(0);
    }
    s.setCompleted(completed);
    PlannerActions actions = PlannerActions.none("plan " + plan.getPlanId() + " complete, cursor " + s.getCursorMs());
    actions.completed(plan);
    Long rewind = s.getPendingRewindMs();
    if (rewind != null) {
      s.setPendingRewindMs(null);
      rewind(s, rewind); // the rewind's own tick was coalesced into pendingTick, so a plan from there follows
    }
    Long pending = s.getPendingTick();
    if (pending != null) {
      actions.and(plan(s, pending, view, wallNow));
    }
    return actions;
  }
}
