package dev.granular.app.ingest;

import dev.granular.app.dlq.Checked;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.ingest.IngestMetrics;
import dev.granular.avro.UserEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Validates each raw {@code user-events} record. Valid ones continue as events; invalid ones keep their
 * original key and bytes and gain headers saying why and where they came from. Never throws on input.
 * Records that a backfill reads again are filtered by its {@link ReplayFence}.
 */
public final class ValidateProcessor extends ContextualProcessor<byte[], byte[], byte[], Checked<UserEvent>> {
  private static final Duration FENCE_REFRESH = Duration.ofSeconds(10);
  private final EventParser parser;
  private final IngestMetrics metrics;
  private final String topic;
  private final String fenceStore;
  private ReplayFence fence;

  /** @param topic the input topic, the key of its fence in {@code fenceStore} (a global store) */
  public ValidateProcessor(EventParser parser, IngestMetrics metrics, String topic, String fenceStore) {
    this.parser = parser;
    this.metrics = metrics;
    this.topic = topic;
    this.fenceStore = fenceStore;
  }

  @Override
  public void init(ProcessorContext<byte[], Checked<UserEvent>> context) {
    super.init(context);
    // Kafka Streams restores global stores before any task starts, and a backfill runs only while no instance
    // is alive, so the fence read here is current; the refresh only picks up a fence written by a newer tool.
    KeyValueStore<String, ReplayFence> fences = context.getStateStore(fenceStore);
    fence = fences.get(topic);
    context.schedule(FENCE_REFRESH, PunctuationType.WALL_CLOCK_TIME, now -> fence = fences.get(topic));
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    ParseResult result;
    try {
      result = parser.parse(record.value(), record.timestamp());
    } catch (RuntimeException e) {
      // A parser bug must not stop ingestion or lose the record: it goes to the dead-letter topic too.
      result = ParseResult.reject(RejectReason.UNPARSEABLE_JSON, "unexpected: " + e);
    }
    if (replayedAndUnselected(result)) {
      metrics.replaySkipped();
      return;
    }
    if (result instanceof ParseResult.Valid valid) {
      metrics.accepted();
      context().forward(record.withValue(Checked.valid(valid.event())));
      return;
    }
    ParseResult.Rejected rejected = (ParseResult.Rejected) result;
    metrics.rejected(rejected.reason());
    DeadLetterHeaders.stamp(record.headers(), rejected.reason().code(), rejected.detail(), context().recordMetadata());
    context().forward(record.withValue(Checked.<UserEvent>rejected(record.value())));
  }

  /** Processed before the backfill, and either not of a workspace it replays or already dead-lettered then. */
  private boolean replayedAndUnselected(ParseResult result) {
    if (fence == null) {
      return false;
    }
    RecordMetadata at = context().recordMetadata().orElse(null);
    if (at == null || !fence.replayed(at.partition(), at.offset())) {
      return false;
    }
    // A rejected record was dead-lettered when it was first processed.
    return !(result instanceof ParseResult.Valid valid) || !fence.selects(valid.event().getWorkspaceId());
  }
}
