package dev.granular.app.ingest;

import dev.granular.sink.events.EventSink;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.granular.app.support.CommitBarrier;

/**
 * The ingest batch, held as a Kafka Streams state store so that Streams itself enforces at-least-once.
 *
 * <p>Why a store: before Kafka Streams commits a task's input offsets it runs every {@link CommitBarrier} of
 * that task. This store's barrier inserts the buffered events into ClickHouse and returns only once the insert
 * is acknowledged, so an offset is never committed ahead of its event. If the insert keeps failing, flush throws, the stream thread is replaced, the buffer is dropped with
 * the task, and the uncommitted events are read again. The buffer is deliberately not changelogged: the input
 * topic is its log.
 *
 * <p>A full batch is inserted in the background ({@link #insertInBackground}) while the task goes on parsing the
 * next one: the stream thread used to wait for ClickHouse for about half of its time. At most one insert is in
 * flight per task (memory: two batches); the barrier waits for it, so offsets still follow durability.
 */
public final class EventBuffer extends CommitBarrier {
  private final EventSink sink;
  private final List<StoredEvent> buffer = new ArrayList<>();
  private final Map<String, DurableProgress> durable = new LinkedHashMap<>();
  private Runnable beforeCommit = () -> { };
  private ExecutorService inserter;
  private Future<?> inFlight;
  private List<StoredEvent> inFlightBatch = List.of();

  public EventBuffer(String name, EventSink sink) {
    super(name);
    this.sink = sink;
  }

  public void add(StoredEvent event) {
    buffer.add(event);
  }

  public int size() {
    return buffer.size();
  }

  /**
   * Work that must reach the changelogs in the same commit as the offsets, run by every barrier after the insert
   * (the writer saves its clocks). The barrier runs before the task's produced records are flushed and its offsets
   * committed, so what this writes to a logged store is committed with them.
   */
  public void beforeCommit(Runnable work) {
    beforeCommit = work;
  }

  /** The barrier: inserts the buffered events, then runs the {@link #beforeCommit} work. */
  @Override
  protected void awaitDurable() {
    insert();
    beforeCommit.run();
  }

  /**
   * Inserts the buffered events, after the insert in flight; blocks until ClickHouse acknowledged them all, or
   * throws. The writer calls it at each flush interval, where it publishes a watermark over everything received.
   */
  public void insert() {
    awaitInFlight();
    if (buffer.isEmpty()) {
      return;
    }
    sink.write(buffer);
    counted(buffer);
    buffer.clear();
  }

  /**
   * Starts inserting the buffered events in the background, once the insert already in flight is durable (its
   * failure is thrown here); returns without waiting for the new one.
   */
  public void insertInBackground() {
    awaitInFlight();
    if (buffer.isEmpty()) {
      return;
    }
    List<StoredEvent> batch = new ArrayList<>(buffer);
    buffer.clear();
    inFlightBatch = batch;
    if (inserter == null) {
      inserter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "granular-ingest-insert");
        t.setDaemon(true);
        return t;
      });
    }
    inFlight = inserter.submit(() -> sink.write(batch));
  }

  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an insert", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    counted(inFlightBatch);
    inFlight = null;
    inFlightBatch = List.of();
  }

  private void counted(List<StoredEvent> batch) {
    for (StoredEvent e : batch) {
      durable.merge(e.workspaceId(), DurableProgress.of(e), DurableProgress::plus);
    }
  }

  /** The earliest processing time not yet durable (in flight or buffered); empty when everything received is. */
  public OptionalLong earliestPending() {
    if (!inFlightBatch.isEmpty()) {
      return OptionalLong.of(inFlightBatch.get(0).processingTimeMs());
    }
    return buffer.isEmpty() ? OptionalLong.empty() : OptionalLong.of(buffer.get(0).processingTimeMs());
  }

  /**
   * Progress made durable since the last call, per workspace; the caller publishes it. Events are stamped in
   * order, so a later one still pending may share the last durable one's millisecond: each workspace's latest
   * time is held below the earliest pending event.
   */
  public List<DurableProgress> drainDurable() {
    if (durable.isEmpty()) {
      return List.of();
    }
    OptionalLong pending = earliestPending();
    List<DurableProgress> out = new ArrayList<>(durable.size());
    for (DurableProgress p : durable.values()) {
      out.add(pending.isEmpty() ? p : p.capWatermark(pending.getAsLong() - 1));
    }
    durable.clear();
    return out;
  }

  @Override
  protected void closed() {
    // Anything still buffered was never committed; it is re-read from Kafka by whoever owns the task next. An
    // insert still in flight may land or not: a repeated write is harmless (see EventBatchWriter).
    buffer.clear();
    durable.clear();
    inFlight = null;
    inFlightBatch = List.of();
    if (inserter != null) {
      inserter.shutdown();
    }
  }
}
