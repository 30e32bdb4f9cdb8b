package dev.granular.app.ingest;

import dev.granular.avro.IngestProgress;
import dev.granular.avro.UserEvent;
import dev.granular.sink.events.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Receives the validated events of one input partition, stamps each with that partition's processing time (one
 * clock per input partition, never moving backwards), buffers them in the {@link EventBuffer} store, and, once a
 * batch is durable, publishes per-workspace progress and the partition's watermark. Batches go out when full,
 * every flush interval, and at every commit.
 *
 * <p>Why per partition: a workspace's events may arrive on any partition, and repartitioning them by workspace
 * cost a second produce and consume of every event. Instead each partition publishes how far it is durable
 * (every event with a processing time at or below its watermark is in ClickHouse, later ones get a larger time),
 * to every planner partition, and a workspace's watermark is the lowest of them. A partition with nothing new
 * still advances on wall time at each flush interval; a stalled one holds every workspace back.
 */
public final class IngestWriter extends ContextualProcessor<byte[], UserEvent, String, IngestProgress> {
  /** The store key of the partition's clock. No workspace id is blank (EventParser rejects them). */
  static final String PARTITION_CLOCK = "";
  private final String bufferStore;
  private final String clockStore;
  private final int batchSize;
  private final Duration flushInterval;
  private final LongSupplier wallClock;
  private EventBuffer buffer;
  private KeyValueStore<String, WorkspaceClock> clocks;
  private int inputPartition;
  /**
   * The partition's clock and the workspaces' counts changed since they were last saved. Saving per event would
   * write a changelog record per event; they are saved once per batch and at every commit (the buffer's barrier
   * calls {@link #saveClocks} before the offsets go), so the store always matches the committed offsets.
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
    inputPartition = context.taskId().partition();
    buffer.beforeCommit(this::saveClocks);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushAndPublish());
  }

  @Override
  public void process(Record<byte[], UserEvent> record) {
    announceUnpublished();
    UserEvent e = record.value();
    String workspace = e.getWorkspaceId();
    WorkspaceClock partition = clock(PARTITION_CLOCK);
    long processingTime = partition.assign(wallClock.getAsLong());
    unsaved.put(PARTITION_CLOCK, partition.afterAssign(processingTime));
    unsaved.put(workspace, clock(workspace).afterAssign(processingTime));
    buffer.add(new StoredEvent(workspace, e.getMessageId(), e.getType().name(), e.getUserId(), e.getAnonymousId(),
        e.getEvent(), e.getPropertiesJson(), e.getTraitsJson(), e.getTimestampMs(), processingTime));
    if (buffer.size() >= batchSize) {
      buffer.insertInBackground(); // after the previous batch is durable; this one goes while we parse the next
      publish();
    }
  }

  private void flushAndPublish() {
    announceUnpublished();
    buffer.insert(); // counted by the sink (MeteredEventSink), as commit-time flushes are
    publish();
  }

  /**
   * Publishes what became durable (a commit-time flush's too) and the partition's watermark: below the earliest
   * event still pending if any, else up to now (everything received is durable), after which the clock gives later
   * events a larger time.
   */
  private void publish() {
    long now = wallClock.getAsLong();
    WorkspaceClock partition = clock(PARTITION_CLOCK);
    OptionalLong pending = buffer.earliestPending();
    long watermark = pending.isPresent() ? pending.getAsLong() - 1 : Math.max(partition.lastProcessingTimeMs(), now);
    for (DurableProgress p : buffer.drainDurable()) {
      WorkspaceClock after = clock(p.workspaceId()).afterDurable(p.events(), p.watermarkMs());
      unsaved.put(p.workspaceId(), after);
      context().forward(new Record<>(p.workspaceId(), progress(p.workspaceId(), p.events(), after.durableTotal(),
          p.watermarkMs(), watermark, now).setMinEventTimeMs(p.minEventTimeMs()).setMaxEventTimeMs(p.maxEventTimeMs()).build(), now));
    }
    context().forward(new Record<>(null, heartbeat(watermark, now), now));
    unsaved.put(PARTITION_CLOCK, partition.afterDurable(0, watermark));
    saveClocks();
  }

  /** The partition's heartbeat: no workspace, sent to every planner partition (see the topology's partitioner). */
  private IngestProgress heartbeat(long watermark, long now) {
    return progress(null, 0, 0, watermark, watermark, now).build();
  }

  private IngestProgress.Builder progress(String workspace, long events, long total, long workspaceMax, long partitionWatermark,
      long now) {
    return IngestProgress.newBuilder().setWorkspaceId(workspace).setDurableEvents(events).setDurableEventsTotal(total)
        .setWatermarkMs(workspaceMax).setMinEventTimeMs(0).setMaxEventTimeMs(0).setFlushedAtMs(now)
        .setInputPartition(inputPartition).setPartitionWatermarkMs(partitionWatermark);
  }

  private WorkspaceClock clock(String key) {
    WorkspaceClock clock = unsaved.get(key);
    if (clock == null) {
      clock = clocks.get(key);
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
   * planner counts those events even if the workspace receives nothing more. The next flush's heartbeat then
   * moves the partition's watermark past them.
   */
  private void announceUnpublished() {
    if (announced) {
      return;
    }
    announced = true;
    long now = wallClock.getAsLong();
    List<KeyValue<String, WorkspaceClock>> pending = new ArrayList<>();
    long floor = 0;
    boolean partitionClock = false;
    try (var all = clocks.all()) {
      while (all.hasNext()) {
        KeyValue<String, WorkspaceClock> kv = all.next();
        floor = Math.max(floor, kv.value.lastProcessingTimeMs());
        if (PARTITION_CLOCK.equals(kv.key)) {
          partitionClock = true;
        } else if (kv.value.unpublished() > 0) {
          pending.add(kv);
        }
      }
    }
    if (!partitionClock && floor > 0) {
      // A store written when each workspace had its own clock (before per-partition clocks): start above them all.
      clocks.put(PARTITION_CLOCK, new WorkspaceClock(floor, 0, 0));
    }
    for (var kv : pending) {
      WorkspaceClock after = kv.value.afterDurable(kv.value.unpublished(), kv.value.lastProcessingTimeMs());
      clocks.put(kv.key, after);
      context().forward(new Record<>(kv.key, progress(kv.key, kv.value.unpublished(), after.durableTotal(),
          kv.value.lastProcessingTimeMs(), -1, now).build(), now));
    }
  }
}
