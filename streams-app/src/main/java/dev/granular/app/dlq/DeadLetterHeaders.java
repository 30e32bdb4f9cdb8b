package dev.granular.app.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The headers every dead-letter record carries: why it was rejected and where it came from. */
public final class DeadLetterHeaders {
  public static final String REASON = "granular.reason";
  public static final String DETAIL = "granular.detail";
  public static final String SOURCE_TOPIC = "granular.source.topic";
  public static final String SOURCE_PARTITION = "granular.source.partition";
  public static final String SOURCE_OFFSET = "granular.source.offset";

  private DeadLetterHeaders() {}

  public static Headers stamp(Headers headers, String reason, String detail, Optional<RecordMetadata> source) {
    put(headers, REASON, reason);
    put(headers, DETAIL, detail == null ? "" : detail);
    source.ifPresent(meta -> {
      put(headers, SOURCE_TOPIC, meta.topic());
      put(headers, SOURCE_PARTITION, Integer.toString(meta.partition()));
      put(headers, SOURCE_OFFSET, Long.toString(meta.offset()));
    });
    return headers;
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
