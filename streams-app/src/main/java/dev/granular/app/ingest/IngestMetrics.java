package dev.granular.app.ingest;

import dev.granular.app.support.Latency;
import dev.granular.app.support.FailureCause;
import dev.granular.app.dlq.DeadLetterMetrics;
import dev.granular.sink.client.ClickHouseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Ingest: events accepted and rejected, batches and events made durable, insert time and insert retries. */
public final class IngestMetrics {
  private final Counter accepted;
  private final Counter inserted;
  private final Counter replaySkipped;
  private final Counter batches;
  private final Timer insertTime;
  private final Map<FailureCause, Counter> retries = new EnumMap<>(FailureCause.class);
  private final DeadLetterMetrics deadLetters;

  public IngestMetrics(MeterRegistry registry, DeadLetterMetrics deadLetters) {
    this.deadLetters = deadLetters;
    accepted = Counter.builder("granular.ingest.accepted").description("valid events read").register(registry);
    inserted = Counter.builder("granular.ingest.inserted").description("events made durable in ClickHouse").register(registry);
    replaySkipped = Counter.builder("granular.ingest.replay.skipped")
        .description("records a backfill read again but did not select (other workspace, or dead-lettered before)").register(registry);
    batches = Counter.builder("granular.ingest.batches").description("event batches inserted into ClickHouse").register(registry);
    insertTime = Latency.statement("granular.ingest.insert", "batch insert time, retries included").register(registry);
    for (FailureCause cause : FailureCause.values()) {
      retries.put(cause, Counter.builder("granular.ingest.insert.retries").tag("cause", cause.tag())
          .description("failed insert attempts that were tried again").register(registry));
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
    deadLetters.sent(DeadLetterMetrics.Source.EVENTS, reason.code());
  }

  /** A batch made durable, however the flush was triggered (full, timer or commit). */
  public void flushed(int events, long nanos) {
    batches.increment();
    inserted.increment(events);
    insertTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A {@link dev.granular.sink.client.RetryPolicy.Listener} for the ingest insert policy. */
  public void insertRetried(ClickHouseException failure) {
    retries.get(FailureCause.of(failure)).increment();
  }

  public double insertedCount() {
    return inserted.count();
  }

  public double rejectedCount(RejectReason reason) {
    return deadLetters.count(DeadLetterMetrics.Source.EVENTS, reason.code());
  }
}
