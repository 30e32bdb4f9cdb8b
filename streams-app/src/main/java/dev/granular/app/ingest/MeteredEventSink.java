package dev.granular.app.ingest;

import dev.granular.app.ingest.IngestMetrics;
import dev.granular.sink.events.EventSink;
import dev.granular.sink.events.StoredEvent;
import java.util.List;

/**
 * Counts and times every batch written. It wraps the sink rather than the writer's flush because Kafka Streams
 * also flushes the buffer at each commit, past the writer; only a batch that was written counts.
 */
public final class MeteredEventSink implements EventSink {
  private final EventSink sink;
  private final IngestMetrics metrics;

  MeteredEventSink(EventSink sink, IngestMetrics metrics) {
    this.sink = sink;
    this.metrics = metrics;
  }

  public static java.util.function.Supplier<EventSink> of(java.util.function.Supplier<EventSink> sinks, IngestMetrics metrics) {
    return () -> new MeteredEventSink(sinks.get(), metrics);
  }

  @Override
  public void write(List<StoredEvent> batch) {
    if (batch.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    sink.write(batch);
    metrics.flushed(batch.size(), System.nanoTime() - start);
  }
}
