package dev.granular.app.metrics;

import dev.granular.app.ingest.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Ingest counters: accepted, rejected by reason, inserted, and insert latency. */
public final class IngestMetrics {
  private final Counter accepted;
  private final Counter inserted;
  private final Counter replaySkipped;
  private final Timer insertTime;
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);

  public IngestMetrics(MeterRegistry registry) {
    accepted = Counter.builder("granular.ingest.accepted").description("valid events read").register(registry);
    inserted = Counter.builder("granular.ingest.inserted").description("events made durable in ClickHouse").register(registry);
    replaySkipped = Counter.builder("granular.ingest.replay.skipped")
        .description("records a backfill read again but did not select (other workspace, or dead-lettered before)").register(registry);
    insertTime = Timer.builder("granular.ingest.insert").description("batch insert time, retries included").register(registry);
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, Counter.builder("granular.ingest.rejected").tag("reason", reason.code())
          .description("events sent to the dead-letter topic").register(registry));
    }
  }

  public void accepted() {
    accepted.increment();
  }

  public void replaySkipped() {
    replaySkipped.increment();
  }

  public double replaySkippedCount() {
    return replaySkipped.count();
  }

  public void rejected(RejectReason reason) {
    rejected.get(reason).increment();
  }

  public void flushed(int events, long nanos) {
    inserted.increment(events);
    insertTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  public double insertedCount() {
    return inserted.count();
  }

  public double rejectedCount(RejectReason reason) {
    return rejected.get(reason).count();
  }
}
