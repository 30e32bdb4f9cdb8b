package dev.granular.sink.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One workspace's events as of {@code now}, one copy per messageId, grouped by user and sorted by
 * {@link UserEvent#ORDER}.
 */
final class EventLog {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Which copy of a repeated messageId counts: the first received, then a content order so that even
   * conflicting re-sends resolve the same way whatever the list order.
   */
  private static final Comparator<StoredEvent> FIRST_COPY = Comparator.comparingLong(StoredEvent::processingTimeMs)
      .thenComparing(EventLog::contentKey);

  private final Map<String, List<UserEvent>> byUser;

  private EventLog(Map<String, List<UserEvent>> byUser) {
    this.byUser = byUser;
  }

  /** Events of {@code workspaceId} received by {@code nowMs}. */
  static EventLog of(String workspaceId, List<StoredEvent> events, long nowMs) {
    Map<String, StoredEvent> byMessage = new HashMap<>();
    for (StoredEvent event : events) {
      if (event.workspaceId().equals(workspaceId) && event.processingTimeMs() <= nowMs) {
        byMessage.merge(event.messageId(), event, (a, b) -> FIRST_COPY.compare(a, b) <= 0 ? a : b);
      }
    }
    Map<String, List<UserEvent>> byUser = new TreeMap<>();
    for (StoredEvent event : byMessage.values()) {
      byUser.computeIfAbsent(event.subjectId(), u -> new ArrayList<>())
          .add(new UserEvent(event, json(event.traitsJson()), json(event.propertiesJson())));
    }
    byUser.values().forEach(list -> list.sort(UserEvent.ORDER));
    return new EventLog(byUser);
  }

  /** Users with at least one event: the population every segment is evaluated over. */
  Map<String, List<UserEvent>> byUser() {
    return byUser;
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return MAPPER.createObjectNode(); // StoredEvent is validated upstream; never let one bad row stop a compute
    }
  }

  private static String contentKey(StoredEvent e) {
    return String.join("\u0000", e.type(), String.valueOf(e.userId()), String.valueOf(e.anonymousId()),
        String.valueOf(e.event()), Long.toString(e.eventTimeMs()), e.propertiesJson(), e.traitsJson());
  }
}
