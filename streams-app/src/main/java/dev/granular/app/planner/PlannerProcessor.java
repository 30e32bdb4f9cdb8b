package dev.granular.app.planner;

import dev.granular.app.definitions.WorkspaceView;
import dev.granular.app.definitions.CompiledWorkspaces;
import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.DefinitionUpdate;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.avro.WorkspaceTick;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The planner, keyed by workspace: ticks, ingest progress, definition changes and task results all arrive
 * here, co-partitioned. The decisions are {@link Planner}'s; this class loads and saves the state, and sends
 * what the planner decided. It also hosts the built-in scheduler and the retry timer.
 */
public final class PlannerProcessor extends ContextualProcessor<String, PlannerInput, String, PlannerOutput> {
  private final Planner planner;
  private final PlannerMetrics metrics;
  private final Duration schedulerInterval;
  private final String stateStore;
  private final String definitionsStore;
  private final String compiledStore;
  private final String watermarksStore;
  private final int inputPartitions;
  private CompiledWorkspaces compiled;
  private InputWatermarks watermarks;
  /**
   * Workspaces whose watermark waits for the low watermark to reach their latest durable event, with that time.
   * When it does, their state is brought up to it at once, so that it is exact without waiting for a tick.
   */
  private final java.util.Map<String, Long> awaitingWatermark = new HashMap<>();
  /** Workspaces per task kept deserialized; a state is a few hundred bytes to a few KB. */
  private static final int LIVE_STATES = 10_000;
  private final Set<String> inFlight = new HashSet<>();
  private KeyValueStore<String, PlannerState> states;
  private LiveStates live;
  private KeyValueStore<String, WorkspaceDefinitions> definitions;
  private SharedCopy shared;

  public PlannerProcessor(Planner planner, PlannerMetrics metrics, Duration schedulerInterval, String stateStore, String definitionsStore,
      String compiledStore, String watermarksStore, int inputPartitions) {
    this.watermarksStore = watermarksStore;
    this.inputPartitions = inputPartitions;
    this.planner = planner;
    this.metrics = metrics;
    this.schedulerInterval = schedulerInterval;
    this.stateStore = stateStore;
    this.definitionsStore = definitionsStore;
    this.compiledStore = compiledStore;
  }

  @Override
  public void init(ProcessorContext<String, PlannerOutput> context) {
    super.init(context);
    states = context.getStateStore(stateStore);
    definitions = context.getStateStore(definitionsStore);
    compiled = context.getStateStore(compiledStore);
    shared = new SharedCopy(); // per init: a revived task may have aborted what the last one published
    watermarks = new InputWatermarks(context.getStateStore(watermarksStore), inputPartitions);
    live = new LiveStates(LIVE_STATES, states::get, s -> states.put(s.getWorkspaceId(), s));
    try (KeyValueIterator<String, PlannerState> all = states.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.getInFlight() != null) {
          inFlight.add(kv.key);
        }
        if (Planner.awaitsWatermark(kv.value)) {
          awaitingWatermark.put(kv.key, kv.value.getDurableMaxMs());
        }
      });
    }
    context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::onTimer);
    if (!schedulerInterval.isZero()) {
      context.schedule(schedulerInterval, PunctuationType.WALL_CLOCK_TIME, this::schedule);
    }
  }

  @Override
  public void process(Record<String, PlannerInput> record) {
    String workspace = record.key();
    try {
      if (record.value() instanceof PlannerInput.Watermark w) {
        onWatermark(w);
        return;
      }
      if (workspace == null) {
        return;
      }
      handle(workspace, record);
    } catch (RuntimeException e) {
      // The cached state may be half-changed and unsaved; the store still has the last saved one.
      live.clear();
      throw e;
    }
  }

  private void handle(String workspace, Record<String, PlannerInput> record) {
    PlannerState state = load(workspace);
    String planBefore = state.getInFlight() == null ? null : state.getInFlight().getPlanId();
    send(state, record.value().accept(new Step(state, workspace, record.timestamp())));
    // A tick, or a completion with a tick pending, may have made a plan: counted here, once, with the cursor it starts from.
    if (state.getInFlight() != null && !state.getInFlight().getPlanId().equals(planBefore)) {
      metrics.planned(state, state.getInFlight());
    }
    save(state);
  }

  /** One input applied to one workspace's state: what the planner decided, to be sent. */
  private final class Step implements PlannerInput.Handler<PlannerActions> {
    private final PlannerState state;
    private final String workspace;
    private final long timestamp;
    private final long now = context().currentSystemTimeMs();

    Step(PlannerState state, String workspace, long timestamp) {
      this.state = state;
      this.workspace = workspace;
      this.timestamp = timestamp;
    }

    @Override
    public PlannerActions tick(WorkspaceTick tick) {
      planner.onWatermark(state, watermarks.low());
      return planner.onTick(state, tick, view(workspace), now);
    }

    @Override
    public PlannerActions progress(IngestProgress progress) {
      watermarks.advance(progress.getInputPartition(), progress.getPartitionWatermarkMs());
      planner.onProgress(state, progress, watermarks.low());
      return PlannerActions.none("progress");
    }

    @Override
    public PlannerActions watermark(PlannerInput.Watermark watermark) {
      throw new IllegalStateException("an input partition's watermark belongs to no workspace");
    }

    @Override
    public PlannerActions result(TaskResult result) {
      return planner.onResult(state, result, view(workspace), now);
    }

    @Override
    public PlannerActions definitions(DefinitionUpdate update) {
      CompiledWorkspace compiledNow = applyDefinition(workspace, update, timestamp);
      if (compiledNow != null) {
        planner.onDefinitions(state, compiledNow.view());
      }
      return PlannerActions.none("definitions");
    }
  }

  /** Applies the change if the workspace still compiles with it; otherwise dead-letters it and keeps the rest. */
  private CompiledWorkspace applyDefinition(String workspace, DefinitionUpdate update, long timestamp) {
    WorkspaceDefinitions stored = definitions.get(workspace);
    var map = new HashMap<>(stored == null ? java.util.Map.<String, String>of() : stored.getDefinitions());
    if (update.getDefinitionJson() == null) {
      map.remove(update.getPropertyId());
    } else {
      map.put(update.getPropertyId(), update.getDefinitionJson());
    }
    WorkspaceDefinitions next = stored == null
        ? WorkspaceDefinitions.newBuilder().setWorkspaceId(workspace).setVersion(1).setDefinitions(map).build()
        : WorkspaceDefinitions.newBuilder(stored).setVersion(stored.getVersion() + 1).setDefinitions(map).build();
    CompiledWorkspace result;
    try {
      next = compiled.install(next); // what the previous version kept up to date and this one still reads
      result = compiled.get(next);
    } catch (RuntimeException e) {
      context().forward(new Record<>(workspace, (PlannerOutput) new PlannerOutput.RejectedDefinition(workspace, update.getPropertyId(),
          update.getDefinitionJson(), String.valueOf(e.getMessage())), timestamp));
      return null;
    }
    store(workspace, next);
    return result;
  }

  private WorkspaceView view(String workspace) {
    WorkspaceDefinitions stored = definitions.get(workspace);
    return stored == null ? WorkspaceView.EMPTY : compiled.get(stored).view();
  }

  private void send(PlannerState state, PlannerActions actions) {
    long now = context().currentSystemTimeMs();
    String workspace = state.getWorkspaceId();
    WorkspaceDefinitions publish = shared.toPublish(workspace, actions.dispatch(), definitions::get);
    if (publish != null) {
      context().forward(new Record<>(workspace, (PlannerOutput) new PlannerOutput.Definitions(publish), now));
    }
    for (var task : actions.dispatch()) {
      metrics.sent(task);
      context().forward(new Record<>(workspace, (PlannerOutput) new PlannerOutput.Task(task), now));
    }
    for (var parked : actions.parked()) {
      metrics.parked(parked.task());
      var headers = dev.granular.app.dlq.DeadLetterHeaders.stamp(new org.apache.kafka.common.header.internals.RecordHeaders(),
          "parked", "plan " + parked.task().getPlanId() + " part " + parked.task().getPart() + " attempt "
              + parked.task().getAttempt() + ": " + parked.reason(), java.util.Optional.empty());
      context().forward(new Record<>(workspace, (PlannerOutput) new PlannerOutput.Parked(parked.task(), parked.reason()), now, headers));
    }
    actions.completed().forEach(metrics::completed);
    if (!actions.completed().isEmpty()) {
      advanceBaseline(workspace, actions.completed().get(actions.completed().size() - 1).getDefinitionsVersion());
    }
  }

  /** New leaves become known once a plan over their definitions version completed: no more backfill. */
  private void advanceBaseline(String workspace, long version) {
    WorkspaceDefinitions stored = definitions.get(workspace);
    if (stored != null && stored.getVersion() == version) {
      WorkspaceDefinitions advanced = compiled.get(stored).withBaseline(stored);
      if (!advanced.equals(stored)) {
        store(workspace, advanced);
      }
    }
  }

  /** Into the planner's store; the global copy gets it when a part leaves the partition ({@link SharedCopy}). */
  private void store(String workspace, WorkspaceDefinitions value) {
    definitions.put(workspace, value);
  }

  /** A partition's heartbeat: workspaces whose latest durable event the low watermark now passes catch up. */
  private void onWatermark(PlannerInput.Watermark w) {
    if (!watermarks.advance(w.inputPartition(), w.watermarkMs())) {
      return;
    }
    long low = watermarks.low();
    for (var entry : java.util.List.copyOf(awaitingWatermark.entrySet())) {
      if (entry.getValue() <= low) {
        PlannerState state = load(entry.getKey());
        planner.onWatermark(state, low);
        save(state);
      }
    }
  }

  private void onTimer(long now) {
    try {
      for (String workspace : Set.copyOf(inFlight)) {
        PlannerState state = load(workspace);
        send(state, planner.onTimer(state, now));
        save(state);
      }
    } catch (RuntimeException e) {
      live.clear();
      throw e;
    }
  }

  private void schedule(long now) {
    try (KeyValueIterator<String, PlannerState> all = states.all()) {
      all.forEachRemaining(kv -> context().forward(new Record<>(kv.key,
          (PlannerOutput) new PlannerOutput.Tick(new WorkspaceTick(kv.key, now, "scheduler", null)), now)));
    }
  }

  private PlannerState load(String workspace) {
    return live.load(workspace);
  }

  private void save(PlannerState state) {
    live.save(state);
    if (Planner.awaitsWatermark(state)) {
      awaitingWatermark.put(state.getWorkspaceId(), state.getDurableMaxMs());
    } else {
      awaitingWatermark.remove(state.getWorkspaceId());
    }
    if (state.getInFlight() != null) {
      inFlight.add(state.getWorkspaceId());
    } else {
      inFlight.remove(state.getWorkspaceId());
    }
  }
}
