package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.events.EventOrder;
import dev.granular.sink.events.StoredEvent;
import java.util.Comparator;

/** A stored event with its traits and properties parsed once. */
record UserEvent(StoredEvent stored, JsonNode traits, JsonNode properties) {

  /**
   * The order "latest" means everywhere: event time, then messageId to break ties. It depends on nothing
   * about arrival, so results do not depend on the order events were received in.
   */
  static final Comparator<UserEvent> ORDER =
      (a, b) -> EventOrder.compare(a.stored.eventTimeMs(), a.stored.messageId(), b.stored.eventTimeMs(), b.stored.messageId());

  boolean isIdentify() {
    return "identify".equals(stored.type());
  }

  boolean isTrack() {
    return "track".equals(stored.type());
  }

  long timeMs() {
    return stored.eventTimeMs();
  }
}
