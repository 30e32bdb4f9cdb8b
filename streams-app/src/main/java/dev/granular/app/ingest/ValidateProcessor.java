package dev.granular.app.ingest;

import dev.granular.app.dlq.Checked;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.metrics.IngestMetrics;
import dev.granular.avro.UserEvent;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates each raw {@code user-events} record. Valid ones continue as events; invalid ones keep their
 * original key and bytes and gain headers saying why and where they came from. Never throws on input.
 */
public final class ValidateProcessor extends ContextualProcessor<byte[], byte[], byte[], Checked<UserEvent>> {
  private final EventParser parser;
  private final IngestMetrics metrics;

  public ValidateProcessor(EventParser parser, IngestMetrics metrics) {
    this.parser = parser;
    this.metrics = metrics;
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
}
