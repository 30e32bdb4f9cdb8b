package dev.granular.app.ingest;

import dev.granular.sink.events.EventSink;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.granular.app.support.CommitBarrier;

/**
 * The ingest batch, held as a Kafka Streams state store so that Streams itself enforces at-least-once.
 *
 * <p>Why a store: before Kafka Streams commits a task's input offsets it runs every {@link CommitBarrier} of
 * that task. This store's barrier inserts the buffered events into ClickHouse and returns only once the insert
 * is acknowledged, so an offset is never committed ahead of its event. If the insert keeps failing, flush throws, the stream thread is replaced, the buffer is dropped with
 * the task, and the uncommitted events are read again. The buffer is deliberately not changelogged: the input
 * topic is its log.
 */
public final class EventBuffer extends CommitBarrier {
  private final EventSink sink;
  private final List<StoredEvent> buffer = new ArrayList<>();
  private final Map<String, DurableProgress> durable = new LinkedHashMap<>();
  private Runnable beforeCommit = () -> { };

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
   * Inserts the buffered events; blocks until ClickHouse acknowledged them, or throws. The writer calls it for a
   * full batch, where it saves its clocks itself once the progress is counted, rather than twice.
   */
  public void insert() {
    if (buffer.isEmpty()) {
      return;
    }
    sink.write(buffer);
    for (StoredEvent e : buffer) {
      durable.merge(e.workspaceId(), DurableProgress.of(e), DurableProgress::plus);
    }
    buffer.clear();
  }

  /**
   * Progress made durable since the last call, per workspace; the caller publishes it. A commit-time flush
   * can be followed by new events before the next drain, possibly in the same millisecond, so the watermark
   * is held below the earliest event of the workspace that is still only buffered.
   */
  public List<DurableProgress> drainDurable() {
    if (durable.isEmpty()) {
      return List.of();
    }
    Map<String, Long> earliestBuffered = new HashMap<>();
    for (StoredEvent e : buffer) {
      earliestBuffered.merge(e.workspaceId(), e.processingTimeMs(), Math::min);
    }
    List<DurableProgress> out = new ArrayList<>(durable.size());
    for (DurableProgress p : durable.values()) {
      Long pending = earliestBuffered.get(p.workspaceId());
      out.add(pending == null ? p : p.capWatermark(pending - 1));
    }
    durable.clear();
    return out;
  }

  @Override
  protected void closed() {
    // Anything still buffered was never committed; it is re-read from Kafka by whoever owns the task next.
    buffer.clear();
    durable.clear();
  }
}
