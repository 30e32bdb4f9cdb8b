package dev.granular.sink.scenario;

import dev.granular.sink.events.StoredEvent;

/**
 * A scenario event, validated; it is received (gets its processing time) when its step runs.
 *
 * @param eventTimeMs the event's timestamp; null when it had none, so it takes its receipt time (as ingest
 *                    falls back to the Kafka record time)
 */
public record ScenarioEvent(String workspaceId, String messageId, String type, String userId, String anonymousId,
    String event, String propertiesJson, String traitsJson, Long eventTimeMs) {

  public StoredEvent receivedAt(long clockMs) {
    return new StoredEvent(workspaceId, messageId, type, userId, anonymousId, event, propertiesJson, traitsJson,
        eventTimeMs == null ? clockMs : eventTimeMs, clockMs);
  }
}
