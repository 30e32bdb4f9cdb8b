package dev.granular.app.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.avro.EventType;
import dev.granular.avro.UserEvent;
import dev.granular.avro.codec.AvroCodec;
import dev.granular.sink.text.Utf8;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns a raw {@code user-events} value (Segment/Dittofeed JSON, or Avro single-object) into a validated
 * {@link UserEvent}, or says exactly why not. Unknown fields are ignored and JSON null means absent,
 * because real Segment payloads carry context, integrations and more.
 */
public final class EventParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** DateTime in ClickHouse covers 1970 .. 2106; events outside that cannot be stored faithfully. */
  private static final long MAX_EVENT_TIME_MS = Instant.parse("2105-12-31T23:59:59Z").toEpochMilli();

  private final AvroCodec<UserEvent> avro = AvroCodec.of(UserEvent.class);
  private final PlainEventReader plain = new PlainEventReader(JSON);
  private final int maxPayloadBytes;
  private final int maxFieldLength;

  public EventParser(int maxPayloadBytes, int maxFieldLength) {
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxFieldLength = maxFieldLength;
  }

  /** @param fallbackTimeMs event time when the payload has none: the Kafka record time, stable across replays */
  public ParseResult parse(byte[] value, long fallbackTimeMs) {
    if (value == null || value.length == 0) {
      return ParseResult.reject(RejectReason.EMPTY_PAYLOAD, "empty value");
    }
    if (value.length > maxPayloadBytes) {
      return ParseResult.reject(RejectReason.PAYLOAD_TOO_LARGE, value.length + " bytes > limit " + maxPayloadBytes);
    }
    if (AvroCodec.looksLikeSingleObject(value)) {
      return parseAvro(value);
    }
    // Checked on the bytes: Jackson lets overlong forms and encoded surrogates through, and names NUL vaguely.
    int nul = Utf8.indexOfNul(value);
    if (nul >= 0) {
      return ParseResult.reject(RejectReason.NUL_BYTE, "raw NUL byte at offset " + nul + " (in a string, escape it as \\u0000)");
    }
    int invalid = Utf8.firstInvalid(value);
    if (invalid >= 0) {
      return ParseResult.reject(RejectReason.INVALID_UTF8, "not UTF-8 at byte offset " + invalid);
    }
    UserEvent plain = this.plain.read(value, fallbackTimeMs);
    return plain != null ? validate(plain) : parseTree(value, fallbackTimeMs);
  }

  /** The fast path alone: null when the value is not of the plain shape (for tests that compare the two paths). */
  ParseResult parsePlain(byte[] value, long fallbackTimeMs) {
    UserEvent event = plain.read(value, fallbackTimeMs);
    return event == null ? null : validate(event);
  }

  /** The tree path: every JSON value, with the exact reason for a bad one. */
  ParseResult parseTree(byte[] value, long fallbackTimeMs) {
    JsonNode root;
    try (JsonParser parser = JSON.createParser(value)) {
      root = JSON.readTree(parser);
      if (root != null && trailing(parser)) {
        return ParseResult.reject(RejectReason.TRAILING_DATA, "more after the JSON value: one event per record");
      }
    } catch (StreamConstraintsException e) {
      String limit = String.valueOf(e.getOriginalMessage());
      return ParseResult.reject(limit.contains("nesting depth") ? RejectReason.TOO_DEEP : RejectReason.TOKEN_TOO_LONG, firstLine(limit));
    } catch (IOException e) {
      return ParseResult.reject(RejectReason.UNPARSEABLE_JSON, firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      return ParseResult.reject(RejectReason.NOT_AN_OBJECT, "top-level JSON must be an object");
    }
    return fromJson((ObjectNode) root, fallbackTimeMs);
  }

  private ParseResult parseAvro(byte[] value) {
    UserEvent event;
    try {
      event = avro.decode(value);
    } catch (AvroCodec.AvroEncodingException e) {
      return ParseResult.reject(RejectReason.UNDECODABLE_AVRO, e.getMessage());
    }
    for (String[] field : new String[][] {{"properties", event.getPropertiesJson()}, {"traits", event.getTraitsJson()}}) {
      if (field[1] != null && !isJsonObject(field[1])) {
        return ParseResult.reject("properties".equals(field[0]) ? RejectReason.PROPERTIES_NOT_OBJECT : RejectReason.TRAITS_NOT_OBJECT,
            field[0] + "Json must hold a JSON object");
      }
    }
    return validate(event);
  }

  private static boolean trailing(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true; // garbage after the value
    }
  }

  private static boolean isJsonObject(String text) {
    try {
      return JSON.readTree(text).isObject();
    } catch (IOException e) {
      return false;
    }
  }

  private ParseResult fromJson(ObjectNode root, long fallbackTimeMs) {
    try {
      String typeName = text(root, "type");
      EventType type = typeName == null ? null : eventType(typeName);
      if (type == null) {
        return ParseResult.reject(RejectReason.UNKNOWN_TYPE, "type must be track, identify, page or screen, got " + typeName);
      }
      Long timestamp = timestamp(root.get("timestamp"), fallbackTimeMs);
      if (timestamp == null) {
        return ParseResult.reject(RejectReason.BAD_TIMESTAMP, "timestamp is not ISO-8601: " + root.get("timestamp"));
      }
      String workspaceId = text(root, "workspaceId");
      String messageId = text(root, "messageId");
      if (isBlank(workspaceId)) {
        return ParseResult.reject(RejectReason.MISSING_WORKSPACE_ID, "workspaceId is required");
      }
      if (isBlank(messageId)) {
        return ParseResult.reject(RejectReason.MISSING_MESSAGE_ID, "messageId is required");
      }
      // The all-args constructor: a builder per event looked up the schema's defaults every time.
      UserEvent event = new UserEvent(workspaceId, messageId, type, text(root, "userId"), text(root, "anonymousId"),
          text(root, "event"), objectText(root, "properties", RejectReason.PROPERTIES_NOT_OBJECT),
          objectText(root, "traits", RejectReason.TRAITS_NOT_OBJECT), timestamp);
      return validate(event);
    } catch (FieldException e) {
      return ParseResult.reject(e.reason, e.getMessage());
    }
  }

  /** Checks shared by JSON and Avro input. */
  ParseResult validate(UserEvent e) {
    if (isBlank(e.getWorkspaceId())) {
      return ParseResult.reject(RejectReason.MISSING_WORKSPACE_ID, "workspaceId is required");
    }
    if (isBlank(e.getMessageId())) {
      return ParseResult.reject(RejectReason.MISSING_MESSAGE_ID, "messageId is required");
    }
    if (isBlank(e.getUserId()) && isBlank(e.getAnonymousId())) {
      return ParseResult.reject(RejectReason.MISSING_USER_ID, "userId or anonymousId is required");
    }
    if (e.getType() == EventType.track && isBlank(e.getEvent())) {
      return ParseResult.reject(RejectReason.MISSING_EVENT, "a track event needs an event name");
    }
    if (e.getTimestampMs() < 0 || e.getTimestampMs() > MAX_EVENT_TIME_MS) {
      return ParseResult.reject(RejectReason.BAD_TIMESTAMP, "timestamp outside 1970..2105: " + e.getTimestampMs());
    }
    for (String[] field : new String[][] {{"workspaceId", e.getWorkspaceId()}, {"messageId", e.getMessageId()},
        {"userId", e.getUserId()}, {"anonymousId", e.getAnonymousId()}, {"event", e.getEvent()}}) {
      if (field[1] != null && field[1].length() > maxFieldLength) {
        return ParseResult.reject(RejectReason.FIELD_TOO_LONG, field[0] + " is " + field[1].length() + " chars > limit " + maxFieldLength);
      }
    }
    for (String[] field : new String[][] {{"workspaceId", e.getWorkspaceId()}, {"messageId", e.getMessageId()},
        {"userId", e.getUserId()}, {"anonymousId", e.getAnonymousId()}, {"event", e.getEvent()},
        {"properties", e.getPropertiesJson()}, {"traits", e.getTraitsJson()}}) {
      if (field[1] != null && Utf8.loneSurrogate(field[1]) >= 0) {
        return ParseResult.reject(RejectReason.LONE_SURROGATE, field[0] + " holds an unpaired surrogate (\\ud800-\\udfff)");
      }
    }
    if (isBlank(e.getUserId())) {
      e.setUserId(null);
    }
    if (isBlank(e.getAnonymousId())) {
      e.setAnonymousId(null);
    }
    return new ParseResult.Valid(e);
  }

  static EventType eventType(String name) {
    try {
      return EventType.valueOf(name.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Long timestamp(JsonNode node, long fallbackTimeMs) {
    if (node == null || node.isNull()) {
      return fallbackTimeMs;
    }
    return node.isTextual() ? isoMillis(node.asText()) : null;
  }

  /** An ISO-8601 timestamp's epoch millis; null when it does not parse. */
  static Long isoMillis(String iso) {
    try {
      return IsoTimestamp.parseMillis(iso);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String text(ObjectNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new FieldException(RejectReason.BAD_FIELD_TYPE, field + " must be a string, got " + node.getNodeType());
    }
    return node.asText();
  }

  private static String objectText(ObjectNode root, String field, RejectReason reason) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new FieldException(reason, field + " must be an object, got " + node.getNodeType());
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new FieldException(reason, field + ": " + e.getOriginalMessage());
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unparseable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static final class FieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RejectReason reason;

    FieldException(RejectReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
