package dev.granular.bench;

import dev.granular.app.ingest.EventParser;
import dev.granular.app.ingest.ParseResult;
import dev.granular.bench.load.GeneratedEvent;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.avro.UserEvent;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Puts a generated history straight into {@code user_events}, parsed by the app's own validator and written by
 * the app's own batch writer, with processing times {@code first, first+1, ...} (one per millisecond). P3
 * measures compute, not ingest, and needs exact processing-time boundaries between history and new events.
 */
final class HistoryLoader {
  private static final int BATCH = 50_000;

  private HistoryLoader() {}

  /** @return the processing time of the last event written; the generator's invalid records are skipped */
  static long load(ClickHouse clickHouse, LoadGenerator generator, long firstProcessingTimeMs, int maxPayloadBytes,
      int maxFieldLength) {
    EventParser parser = new EventParser(maxPayloadBytes, maxFieldLength);
    EventBatchWriter writer = new EventBatchWriter(clickHouse,
        new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60)));
    List<StoredEvent> batch = new ArrayList<>(BATCH);
    long processingTime = firstProcessingTimeMs - 1;
    for (Iterator<GeneratedEvent> it = generator.events(); it.hasNext(); ) {
      GeneratedEvent g = it.next();
      if (!(parser.parse(g.bytes(), g.positionTimeMs()) instanceof ParseResult.Valid valid)) {
        continue;
      }
      UserEvent e = valid.event();
      processingTime++;
      batch.add(new StoredEvent(e.getWorkspaceId(), e.getMessageId(), e.getType().name(), e.getUserId(), e.getAnonymousId(),
          e.getEvent(), e.getPropertiesJson(), e.getTraitsJson(), e.getTimestampMs(), processingTime));
      if (batch.size() == BATCH) {
        writer.write(batch);
        batch.clear();
      }
    }
    writer.write(batch);
    return processingTime;
  }
}
