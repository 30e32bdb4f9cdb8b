package dev.granular.app.ingest;

import dev.granular.app.metrics.IngestMetrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Validates each raw {@code user-events} record. Valid ones continue as {@link Checked} events; invalid ones
 * keep their original key and bytes and gain headers saying why and where they came from. Never throws on input.
 */
public final class ValidateProcessor extends ContextualProcessor<byte[], byte[], byte[], Checked> {
  public static final String REASON = "granular.reason";
  public static final String DETAIL = "granular.detail";
  public static final String SOURCE_TOPIC = "granular.source.topic";
  public static final String SOURCE_PARTITION = "granular.source.partition";
  public static final String SOURCE_OFFSET = "granular.source.offset";

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
      context().forward(record.withValue(new Checked(valid.event(), null)));
      return;
    }
    ParseResult.Rejected rejected = (ParseResult.Rejected) result;
    metrics.rejected(rejected.reason());
    Headers headers = record.headers();
    put(headers, REASON, rejected.reason().code());
    put(headers, DETAIL, rejected.detail());
    context().recordMetadata().ifPresent(meta -> source(headers, meta));
    context().forward(record.withValue(new Checked(null, record.value() == null ? new byte[0] : record.value()))
        .withHeaders(headers));
  }

  private static void source(Headers headers, RecordMetadata meta) {
    put(headers, SOURCE_TOPIC, meta.topic());
    put(headers, SOURCE_PARTITION, Integer.toString(meta.partition()));
    put(headers, SOURCE_OFFSET, Long.toString(meta.offset()));
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
