package dev.granular.app.ingest;

import dev.granular.avro.IngestProgress;
import dev.granular.avro.UserEvent;
import dev.granular.sink.events.StoredEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Receives validated events keyed by workspace, stamps each with a processing time that never moves backwards
 * within its workspace, buffers them in the {@link EventBuffer} store, and publishes per-workspace progress
 * once a batch is durable. Batches go out when full, every flush interval, and at every commit.
 */
public final class IngestWriter extends ContextualProcessor<String, UserEvent, String, IngestProgress> {
  private final String bufferStore;
  private final String clockStore;
  private final int batchSize;
  private final Duration flushInterval;
  private final LongSupplier wallClock;
  private EventBuffer buffer;
  private KeyValueStore<String, WorkspaceClock> clocks;
  /**
   * Clocks changed since they were last saved. Saving each event's clock would write a changelog record per
   * event; they are saved once per batch and at every commit (the buffer's barrier calls {@link #saveClocks}
   * before the offsets go), so the store always matches the committed offsets.
   */
  private final Map<String, WorkspaceClock> unsaved = new HashMap<>();
  private boolean announced;

  public IngestWriter(String bufferStore, String clockStore, int batchSize, Duration flushInterval,
      LongSupplier wallClock) {
    this.bufferStore = bufferStore;
    this.clockStore = clockStore;
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
    this.wallClock = wallClock;
  }

  @Override
  public void init(ProcessorContext<String, IngestProgress> context) {
    super.init(context);
    buffer = context.getStateStore(bufferStore);
    clocks = context.getStateStore(clockStore);
    buffer.beforeCommit(this::saveClocks);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushAndPublish());
  }

  @Override
  public void process(Record<String, UserEvent> record) {
    announceUnpublished();
    UserEvent e = record.value();
    String workspace = e.getWorkspaceId();
    WorkspaceClock clock = clock(workspace);
    long processingTime = clock.assign(wallClock.getAsLong());
    unsaved.put(workspace, clock.afterAssign(processingTime));
    buffer.add(new StoredEvent(workspace, e.getMessageId(), e.getType().name(), e.getUserId(), e.getAnonymousId(),
        e.getEvent(), e.getPropertiesJson(), e.getTraitsJson(), e.getTimestampMs(), processingTime));
    if (buffer.size() >= batchSize) {
      flushAndPublish();
    }
  }

  private void flushAndPublish() {
    announceUnpublished();
    buffer.insert(); // counted by the sink (MeteredEventSink), as commit-time flushes are
    // Also publishes what a commit-time flush made durable since the last punctuation.
    long now = wallClock.getAsLong();
    for (DurableProgress p : buffer.drainDurable()) {
      WorkspaceClock after = clock(p.workspaceId()).afterDurable(p.events(), p.watermarkMs());
      unsaved.put(p.workspaceId(), after);
      IngestProgress progress = IngestProgress.newBuilder()
          .setWorkspaceId(p.workspaceId())
          .setDurableEvents(p.events())
          .setDurableEventsTotal(after.durableTotal())
          .setWatermarkMs(p.watermarkMs())
          .setMinEventTimeMs(p.minEventTimeMs())
          .setMaxEventTimeMs(p.maxEventTimeMs())
          .setFlushedAtMs(now)
          .build();
      context().forward(new Record<>(p.workspaceId(), progress, now));
    }
    saveClocks();
  }

  private WorkspaceClock clock(String workspace) {
    WorkspaceClock clock = unsaved.get(workspace);
    if (clock == null) {
      clock = clocks.get(workspace);
    }
    return clock == null ? WorkspaceClock.START : clock;
  }

  /** Writes the changed clocks to their store: after each batch, and from the commit barrier. */
  private void saveClocks() {
    unsaved.forEach(clocks::put);
    unsaved.clear();
  }

  /**
   * Once per task start: the final commit of the previous owner (a rebalance, a shutdown, a crash after the
   * commit) made events durable whose progress record was still to be sent. The clock store was committed with
   * those offsets, so what it counts as received and unpublished is durable now; announce it, so that the
   * planner's watermark covers those events even if the workspace receives nothing more.
   */
  private void announceUnpublished() {
    if (announced) {
      return;
    }
    announced = true;
    long now = wallClock.getAsLong();
    java.util.List<org.apache.kafka.streams.KeyValue<String, WorkspaceClock>> pending = new java.util.ArrayList<>();
    try (var all = clocks.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.unpublished() > 0) {
          pending.add(kv);
        }
      });
    }
    for (var kv : pending) {
      WorkspaceClock after = kv.value.afterDurable(kv.value.unpublished(), kv.value.lastProcessingTimeMs());
      clocks.put(kv.key, after);
      context().forward(new Record<>(kv.key, IngestProgress.newBuilder().setWorkspaceId(kv.key)
          .setDurableEvents(kv.value.unpublished()).setDurableEventsTotal(after.durableTotal())
          .setWatermarkMs(kv.value.lastProcessingTimeMs()).setMinEventTimeMs(0).setMaxEventTimeMs(0).setFlushedAtMs(now).build(), now));
    }
  }
}
