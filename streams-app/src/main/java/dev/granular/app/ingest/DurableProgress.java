package dev.granular.app.ingest;

import dev.granular.sink.events.StoredEvent;

/** What one or more inserts made durable for one workspace. */
public record DurableProgress(String workspaceId, long events, long watermarkMs, long minEventTimeMs, long maxEventTimeMs) {
  static DurableProgress of(StoredEvent e) {
    return new DurableProgress(e.workspaceId(), 1, e.processingTimeMs(), e.eventTimeMs(), e.eventTimeMs());
  }

  DurableProgress capWatermark(long atMostMs) {
    return new DurableProgress(workspaceId, events, Math.min(watermarkMs, atMostMs), minEventTimeMs, maxEventTimeMs);
  }

  DurableProgress plus(DurableProgress o) {
    return new DurableProgress(workspaceId, events + o.events, Math.max(watermarkMs, o.watermarkMs),
        Math.min(minEventTimeMs, o.minEventTimeMs), Math.max(maxEventTimeMs, o.maxEventTimeMs));
  }
}
