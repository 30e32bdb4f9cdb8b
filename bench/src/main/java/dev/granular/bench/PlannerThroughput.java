package dev.granular.bench;

import dev.granular.app.planner.LiveStates;
import dev.granular.app.planner.Planner;
import dev.granular.app.planner.PlannerActions;
import dev.granular.app.planner.PlannerSettings;
import dev.granular.app.definitions.WorkspaceView;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceTick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;

/**
 * P4: ticks planned per second by {@link Planner} on one thread. JMH is not a dependency, so this is a measured
 * loop: a warm-up (so the JIT has compiled the path), then several timed batches, of which the median is
 * reported. One iteration is what the planner processor does per tick: record the ingest progress, plan the
 * tick, and complete the plan with one success result per part (so the next tick plans again instead of
 * coalescing), parts sent two at a time as the default K does. Building the Avro inputs is included.
 */
public final class PlannerThroughput {
  /** @param ticksPerSecond median over the batches; min and max show the spread */
  public record Result(String label, int partsPerPlan, double ticksPerSecond, double minPerSecond, double maxPerSecond,
      long ticks) {}

  private static final int PROPERTIES = 25;
  /** The default K (sink.concurrency-per-partition): a plan's parts are sent this many at a time. */
  private static final int PARTS_IN_FLIGHT = 2;
  private final Duration warmUp;
  private final Duration batch;
  private final int batches;

  public PlannerThroughput(Duration warmUp, Duration batch, int batches) {
    this.warmUp = warmUp;
    this.batch = batch;
    this.batches = batches;
  }

  /** @param eventsPerTick new events per tick; with the threshold they decide how many parts each plan has */
  public Result run(String label, long eventsPerTick, long threshold) {
    return run(label, eventsPerTick, threshold, false);
  }

  /**
   * @param storeRoundTrip also load and save the state through {@link LiveStates} on every input, with the
   *     planner-state store's serializer as the write, as the processor does after each record
   */
  public Result run(String label, long eventsPerTick, long threshold, boolean storeRoundTrip) {
    Loop loop = new Loop(eventsPerTick, threshold, storeRoundTrip);
    long warmUpEnd = System.nanoTime() + warmUp.toNanos();
    while (System.nanoTime() < warmUpEnd) {
      loop.ticks(1_000);
    }
    List<Double> rates = new ArrayList<>();
    long ticks = 0;
    for (int b = 0; b < batches; b++) {
      long start = System.nanoTime();
      long end = start + batch.toNanos();
      long n = 0;
      while (System.nanoTime() < end) {
        n += loop.ticks(1_000);
      }
      rates.add(n * 1e9 / (System.nanoTime() - start));
      ticks += n;
    }
    List<Double> sorted = rates.stream().sorted().toList();
    if (loop.partsSeen == 0) {
      throw new IllegalStateException("the planner dispatched nothing: the loop does not measure planning");
    }
    return new Result(label, loop.lastParts, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), ticks);
  }

  /** One workspace driven tick after tick, with a fake clock so every tick sees new events. */
  private static final class Loop {
    private final Planner planner;
    private final WorkspaceView view;
    private final LiveStates live;
    private final byte[][] stored = new byte[1][];
    private PlannerState state = Planner.fresh("bench-ws");
    private final long eventsPerTick;
    private long clock = 1_700_000_000_000L;
    private long eventsTotal;
    private long partsSeen;
    private int lastParts;

    Loop(long eventsPerTick, long threshold, boolean storeRoundTrip) {
      Serde<PlannerState> serde = new AvroSerde<>(PlannerState.class);
      this.live = storeRoundTrip ? new LiveStates(10_000, w -> stored[0] == null ? null
          : serde.deserializer().deserialize("planner-state", stored[0]),
          s -> stored[0] = serde.serializer().serialize("planner-state", s)) : null;
      this.planner = new Planner(new PlannerSettings(threshold, 1024, 5, Duration.ofSeconds(1), Duration.ofSeconds(60),
          Duration.ofMinutes(10), 5, PARTS_IN_FLIGHT, 1));
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= PROPERTIES; i++) {
        ids.add(String.format(Locale.ROOT, "seg-%03d", i));
      }
      this.view = new WorkspaceView(1, ids, List.of(), 40, true);
      this.eventsPerTick = eventsPerTick;
    }

    /** Runs {@code n} ticks; returns how many were planned (a plan was dispatched). */
    long ticks(int n) {
      long planned = 0;
      for (int i = 0; i < n; i++) {
        clock += 1_000;
        eventsTotal += eventsPerTick;
        roundTrip();
        planner.onProgress(state, IngestProgress.newBuilder().setWorkspaceId("bench-ws").setDurableEvents(eventsPerTick)
            .setDurableEventsTotal(eventsTotal).setWatermarkMs(clock).setMinEventTimeMs(clock).setMaxEventTimeMs(clock)
            .setFlushedAtMs(clock).build());
        roundTrip();
        PlannerActions actions = planner.onTick(state, new WorkspaceTick("bench-ws", clock, "bench", null), view, clock);
        List<ComputeTask> dispatched = actions.dispatch();
        if (!dispatched.isEmpty()) {
          planned++;
          partsSeen += dispatched.size();
        }
        // Answer every dispatched part with a success, and the parts those results release in turn.
        java.util.ArrayDeque<ComputeTask> toAnswer = new java.util.ArrayDeque<>(dispatched);
        while (!toAnswer.isEmpty()) {
          ComputeTask t = toAnswer.poll();
          roundTrip();
          // As the processor gets it: a deserialized record, built here without a builder's default lookups.
          PlannerActions next = planner.onResult(state, new TaskResult(t.getPlanId(), t.getWorkspaceId(), t.getPart(), 0,
              t.getAttempt(), true, null, 0L, 0L, t.getEstimatedWork(), 0L, clock, clock, clock, 0), view, clock);
          toAnswer.addAll(next.dispatch());
          partsSeen += next.dispatch().size();
        }
      }
      if (state.getInFlight() != null) {
        throw new IllegalStateException("plan left in flight: results did not complete it");
      }
      lastParts = state.getCompleted().get(state.getCompleted().size() - 1).getPartWork().size();
      return planned;
    }

    /** Saves the state the last input changed and loads it for the next, as the processor does per record. */
    private void roundTrip() {
      if (live != null) {
        live.save(state);
        state = live.load(state.getWorkspaceId());
      }
    }
  }
}
