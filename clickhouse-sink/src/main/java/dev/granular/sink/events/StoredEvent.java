package dev.granular.sink.events;

import java.util.Objects;

/**
 * One user event as stored in ClickHouse {@code user_events}: validated, with its processing time assigned.
 *
 * @param type            track | identify | page | screen
 * @param userId          null when only anonymousId is known
 * @param anonymousId     null when only userId is known
 * @param event           the track event name; null for other types
 * @param propertiesJson  JSON object text; "{}" when absent
 * @param traitsJson      JSON object text; "{}" when absent
 * @param eventTimeMs     event time (the producer's {@code timestamp}), epoch millis
 * @param processingTimeMs when Granular received it; never moves backwards within a workspace
 */
public record StoredEvent(
    String workspaceId,
    String messageId,
    String type,
    String userId,
    String anonymousId,
    String event,
    String propertiesJson,
    String traitsJson,
    long eventTimeMs,
    long processingTimeMs) {

  public StoredEvent {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(type, "type");
    if (userId == null && anonymousId == null) {
      throw new IllegalArgumentException("userId or anonymousId is required");
    }
    propertiesJson = propertiesJson == null ? "{}" : propertiesJson;
    traitsJson = traitsJson == null ? "{}" : traitsJson;
  }

  /** The id computed properties are keyed by: userId when known, else anonymousId (as Dittofeed does). */
  public String subjectId() {
    return userId != null ? userId : anonymousId;
  }

  public StoredEvent withProcessingTime(long processingTimeMs) {
    return new StoredEvent(workspaceId, messageId, type, userId, anonymousId, event,
        propertiesJson, traitsJson, eventTimeMs, processingTimeMs);
  }
}
