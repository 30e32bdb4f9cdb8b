package dev.granular.sink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** Reads scenario events: user-event JSON as on {@code user-events}, checked as ingest checks it. */
final class ScenarioEvents {
  private static final Set<String> TYPES = Set.of("track", "identify", "page", "screen");
  /** user_events stores UInt64 milliseconds and a DateTime beside them: 1970 .. 2105. */
  private static final long MAX_TIME_MS = Instant.parse("2105-12-31T23:59:59Z").toEpochMilli();

  private ScenarioEvents() {
  }

  static ScenarioEvent parse(JsonNode json, String workspaceId, String where, String prefix) {
    Fields f = new Fields(json, where, prefix);
    String ws = f.optionalText("workspaceId");
    if (ws != null && !ws.equals(workspaceId)) {
      throw f.error("workspaceId", "must be the scenario's workspace '" + workspaceId + "' or omitted, was '" + ws + "'");
    }
    String messageId = f.text("messageId");
    if (messageId.isBlank()) {
      throw f.error("messageId", "must not be blank");
    }
    String type = f.text("type").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw f.error("type", "must be track, identify, page or screen, was '" + type + "'");
    }
    String userId = blankToNull(f.optionalText("userId"));
    String anonymousId = blankToNull(f.optionalText("anonymousId"));
    if (userId == null && anonymousId == null) {
      throw f.error("userId", "userId or anonymousId is required");
    }
    String event = f.optionalText("event");
    if (type.equals("track") && (event == null || event.isBlank())) {
      throw f.error("event", "a track event needs an event name");
    }
    return new ScenarioEvent(workspaceId, messageId, type, userId, anonymousId, event, object(f, "properties"),
        object(f, "traits"), timestamp(f));
  }

  private static String object(Fields f, String field) {
    JsonNode value = f.optional(field);
    if (value != null && !value.isObject()) {
      throw f.error(field, "must be an object");
    }
    return value == null ? "{}" : value.toString();
  }

  private static Long timestamp(Fields f) {
    String text = f.optionalText("timestamp");
    if (text == null) {
      return null;
    }
    long ms;
    try {
      ms = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw f.error("timestamp", "must be an ISO-8601 date-time with offset, was '" + text + "'");
    }
    if (ms < 0 || ms > MAX_TIME_MS) {
      throw f.error("timestamp", "must be between 1970 and 2105, was '" + text + "'");
    }
    return ms;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
