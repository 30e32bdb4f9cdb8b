package dev.granular.sink.compile;

import dev.granular.sink.definitions.EventPattern;
import java.util.List;

/**
 * Which events can change a leaf, ignoring property filters: the event index. At run time an event costs
 * one type check and a few name matches per leaf.
 *
 * @param type     "identify" or "track"; null for any type
 * @param patterns event names; empty for any name
 */
public record EventFilter(String type, List<EventPattern> patterns) {

  public static final EventFilter ANY = new EventFilter(null, List.of());
  public static final EventFilter IDENTIFY = new EventFilter("identify", List.of());

  public EventFilter {
    patterns = List.copyOf(patterns);
  }

  public static EventFilter track(List<EventPattern> patterns) {
    return new EventFilter("track", patterns);
  }

  public boolean matches(String eventType, String eventName) {
    return (type == null || type.equals(eventType))
        && (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matches(eventName)));
  }
}
