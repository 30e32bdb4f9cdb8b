package dev.granular.app.planner;

import dev.granular.app.definitions.WorkspaceView;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.PartState;
import dev.granular.avro.PartStatus;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a workspace's state and a tick's `now` into a plan: its window, its work, and its parts. */
public final class PlanFactory {
  /** The plan, or null with the reason nothing needs doing; the window and work figures either way. */
  public record Proposal(Plan plan, String reason, long windowFromMs, long windowToMs, long events, long work, long threshold) {}

  private final SplitPolicy policy;

  PlanFactory(SplitPolicy policy) {
    this.policy = policy;
  }

  Proposal propose(PlannerState s, long tickNowMs, WorkspaceView view, long wallNow) {
    // Each compute of a workspace is versioned by its `now`, so `now` must strictly increase per workspace.
    long nowMs = s.getCompleted().isEmpty() ? tickNowMs
        : Math.max(tickNowMs, s.getCompleted().get(s.getCompleted().size() - 1).getNowMs() + 1);
    long cursor = s.getCursorMs();
    // The window never passes the ingest watermark, so no event still being written is skipped.
    long windowTo = Math.max(cursor, Math.min(nowMs, s.getWatermarkMs()));
    long events = Math.max(0, s.getEventsTotal() - s.getEventsTotalAtCursor());
    // The watermark is the processing time of a durable event, so a watermark past the cursor means news.
    boolean newEvents = windowTo > cursor && s.getWatermarkMs() > cursor;
    List<String> changed = view.version() > s.getComputedVersion()
        ? (s.getComputedVersion() == 0 ? view.propertyIds() : view.changedPropertyIds()) : List.of();
    if (view.propertyIds().isEmpty()) {
      return new Proposal(null, "no computed properties defined", cursor, windowTo, events, 0, policy.threshold());
    }
    if (!newEvents && changed.isEmpty() && !view.timeDependent()) {
      return new Proposal(null, "nothing new since cursor " + cursor, cursor, windowTo, 0, 0, policy.threshold());
    }
    Set<String> changedSet = new HashSet<>(changed);
    List<String> regular = changedSet.isEmpty() ? view.propertyIds()
        : view.propertyIds().stream().filter(p -> !changedSet.contains(p)).toList();
    List<Window> windows = new ArrayList<>();
    if (!regular.isEmpty()) {
      windows.add(new Window(cursor, events, regular));
    }
    if (!changed.isEmpty()) {
      // New or changed definitions are computed from scratch over all retained history.
      windows.add(new Window(0, s.getEventsTotal(), changed));
    }
    long work = windows.stream().mapToLong(w -> SplitPolicy.work(w.events, w.properties.size())).sum();
    boolean split = work > policy.threshold();
    String planId = s.getWorkspaceId() + "@" + windowTo + "/" + nowMs + "/" + wallNow;
    List<PartState> parts = new ArrayList<>();
    for (Window w : windows) {
      List<SplitPolicy.Part> pieces = split ? policy.split(w.events, w.properties)
          : List.of(new SplitPolicy.Part(0, 1, w.properties, SplitPolicy.work(w.events, w.properties.size())));
      for (SplitPolicy.Part piece : pieces) {
        boolean allProperties = piece.propertyIds().size() == view.propertyIds().size();
        // All-args constructors, not builders: a builder looks up and deep-copies every default, which was
        // most of the cost of planning a split plan (P4). Parts of one group share one immutable id list.
        ComputeTask task = new ComputeTask(planId, s.getWorkspaceId(), parts.size(), 0, 0, w.fromMs, windowTo, nowMs,
            piece.bucket(), piece.buckets(), allProperties ? List.of() : piece.propertyIds(), view.version(), nowMs, wallNow,
            piece.estimatedWork(), 1, split, -1); // lane: chosen when sent
        // Not dispatched yet (dispatchedAtMs 0): the planner sends parts as earlier ones finish.
        parts.add(new PartState(task, PartStatus.QUEUED, null, 0L, 0L, null));
      }
    }
    parts.forEach(p -> p.getTask().setParts(parts.size()));
    Plan plan = Plan.newBuilder().setPlanId(planId).setWindowFromMs(cursor).setWindowToMs(windowTo).setNowMs(nowMs)
        .setTickAtMs(nowMs).setPlannedAtMs(wallNow).setDefinitionsVersion(view.version())
        // Totals are known only at the latest durable event: a window ending before it consumes none of them (the
        // watermark is not enough: it waits at 0 while an input partition has not reported, with events durable).
        .setEventsTotalAtEnd(windowTo >= s.getDurableMaxMs() ? s.getEventsTotal() : s.getEventsTotalAtCursor()).setEvents(events).setWork(work).setSplit(split).setParts(parts).build();
    String reason = (split ? "work " + work + " > T " + policy.threshold() + ": " + parts.size() + " parts on the priority topic"
        : "work " + work + " <= T " + policy.threshold() + ": one task") + (changed.isEmpty() ? "" : "; recomputing " + changed.size()
        + " new or changed properties over all history");
    return new Proposal(plan, reason, cursor, windowTo, events, work, policy.threshold());
  }

  private record Window(long fromMs, long events, List<String> properties) {}
}
