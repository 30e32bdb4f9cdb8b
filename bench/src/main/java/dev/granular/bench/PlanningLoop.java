package dev.granular.bench;

import dev.granular.app.definitions.WorkspaceView;
import dev.granular.app.planner.Planner;
import dev.granular.app.planner.PlannerActions;
import dev.granular.app.planner.PlannerSettings;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceTick;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One workspace driven tick after tick through {@link Planner}, with a fake clock so every tick sees new
 * events. One tick is what the planner processor does per tick: record the ingest progress, plan the tick, and
 * complete the plan with one success result per part (so the next tick plans again instead of coalescing),
 * parts sent two at a time as the default K does. Building the Avro inputs is included.
 */
final class PlanningLoop {
  private static final int PROPERTIES = 25;
  /** The default K (sink.concurrency-per-partition): a plan's parts are sent this many at a time. */
  private static final int PARTS_IN_FLIGHT = 2;
  private final Planner planner;
  private final WorkspaceView view;
  private final PlannerState state = Planner.fresh("bench-ws");
  private final long eventsPerTick;
  private long clock = 1_700_000_000_000L;
  private long eventsTotal;

  /** @param eventsPerTick new events per tick; with the threshold they decide how many parts each plan has */
  PlanningLoop(long eventsPerTick, long threshold) {
    this.planner = new Planner(new PlannerSettings(threshold, 1024, 5, Duration.ofSeconds(1), Duration.ofSeconds(60),
        Duration.ofMinutes(10), 5, PARTS_IN_FLIGHT, 1));
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= PROPERTIES; i++) {
      ids.add(String.format(Locale.ROOT, "seg-%03d", i));
    }
    this.view = new WorkspaceView(1, ids, List.of(), 40, true);
    this.eventsPerTick = eventsPerTick;
  }

  /** From P4's JMH parameter "events per tick:threshold". */
  static PlanningLoop of(String load) {
    String[] p = load.split(":");
    return new PlanningLoop(Long.parseLong(p[0]), Long.parseLong(p[1]));
  }

  /** One tick, planned and completed; returns the parts the plan had, so a caller can check it planned at all. */
  int tick() {
    clock += 1_000;
    eventsTotal += eventsPerTick;
    planner.onProgress(state, IngestProgress.newBuilder().setWorkspaceId("bench-ws").setDurableEvents(eventsPerTick)
        .setDurableEventsTotal(eventsTotal).setWatermarkMs(clock).setMinEventTimeMs(clock).setMaxEventTimeMs(clock)
        .setFlushedAtMs(clock).setInputPartition(0).setPartitionWatermarkMs(clock).build(), clock);
    PlannerActions actions = planner.onTick(state, new WorkspaceTick("bench-ws", clock, "bench", null), view, clock);
    ArrayDeque<ComputeTask> toAnswer = new ArrayDeque<>(actions.dispatch());
    int parts = toAnswer.size();
    while (!toAnswer.isEmpty()) {
      ComputeTask t = toAnswer.poll();
      // As the processor gets it: a deserialized record, built here without a builder's default lookups.
      PlannerActions next = planner.onResult(state, new TaskResult(t.getPlanId(), t.getWorkspaceId(), t.getPart(), 0,
          t.getAttempt(), true, null, 0L, 0L, t.getEstimatedWork(), 0L, clock, clock, clock, 0), view, clock);
      toAnswer.addAll(next.dispatch());
      parts += next.dispatch().size();
    }
    if (state.getInFlight() != null) {
      throw new IllegalStateException("plan left in flight: results did not complete it");
    }
    return parts;
  }
}
