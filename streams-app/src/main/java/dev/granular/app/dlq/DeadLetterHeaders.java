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
  /** Details quote the input (a key, an id): capped so a 1 MB key does not make a 1 MB header. */
  public static final int MAX_DETAIL_CHARS = 1000;

  private DeadLetterHeaders() {}

  public static Headers stamp(Headers headers, String reason, String detail, Optional<RecordMetadata> source) {
    put(headers, REASON, reason);
    put(headers, DETAIL, detail == null ? "" : capped(detail));
    source.ifPresent(meta -> {
      put(headers, SOURCE_TOPIC, meta.topic());
      put(headers, SOURCE_PARTITION, Integer.toString(meta.partition()));
      put(headers, SOURCE_OFFSET, Long.toString(meta.offset()));
    });
    return headers;
  }

  static String capped(String detail) {
    if (detail.length() <= MAX_DETAIL_CHARS) {
      return detail;
    }
    int end = MAX_DETAIL_CHARS;
    if (Character.isHighSurrogate(detail.charAt(end - 1))) {
      end--; // never split a pair
    }
    return detail.substring(0, end) + "... (" + detail.length() + " chars)";
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
