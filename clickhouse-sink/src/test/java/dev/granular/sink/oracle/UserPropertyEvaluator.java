package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.granular.sink.definitions.PropertyPath;
import dev.granular.sink.definitions.Timestamps;
import dev.granular.sink.definitions.UserPropertyDefinition;
import dev.granular.sink.definitions.UserPropertyNode;
import dev.granular.sink.definitions.ValueTests;
import dev.granular.sink.definitions.ValueText;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates one user property for one user. Returns null for "no value": nothing matched, "" or JSON null.
 * Leaves directly under AnyOf skip JSON null values so the next-older value (or next child) shows through,
 * as Dittofeed's AnyOf does; elsewhere a JSON null is the latest value and means "no value".
 */
final class UserPropertyEvaluator {

  private final UserPropertyDefinition definition;

  UserPropertyEvaluator(UserPropertyDefinition definition) {
    this.definition = definition;
  }

  JsonNode value(String userId, List<UserEvent> events) {
    JsonNode value = eval(definition.root(), userId, events, false);
    return value == null || value.isNull() || ValueText.of(value).isEmpty() ? null : value;
  }

  private JsonNode eval(UserPropertyNode node, String userId, List<UserEvent> events, boolean skipNulls) {
    if (node instanceof UserPropertyNode.Id) {
      return TextNode.valueOf(userId);
    }
    if (node instanceof UserPropertyNode.AnonymousId) {
      String anonymousId = null;
      for (UserEvent e : events) {
        anonymousId = e.stored().anonymousId() == null || e.stored().anonymousId().isEmpty() ? anonymousId
            : e.stored().anonymousId();
      }
      return anonymousId == null ? null : TextNode.valueOf(anonymousId);
    }
    if (node instanceof UserPropertyNode.Trait trait) {
      return latest(events, UserEvent::isIdentify, trait.path(), UserEvent::traits, skipNulls);
    }
    if (node instanceof UserPropertyNode.Performed performed) {
      return performed.skipReCompute() ? null : latest(events,
          e -> e.isTrack() && performed.event().matches(e.stored().event())
              && ValueTests.allMatch(performed.properties(), e.properties()),
          performed.path(), UserEvent::properties, skipNulls);
    }
    if (node instanceof UserPropertyNode.AnyOf anyOf) {
      for (String child : anyOf.children()) {
        JsonNode value = eval(definition.node(child), userId, events, true);
        if (value != null && !value.isNull()) {
          return value;
        }
      }
      return null;
    }
    if (node instanceof UserPropertyNode.PerformedMany many) {
      return performedMany(many, events);
    }
    throw new IllegalStateException("unhandled user property node " + node);
  }

  /** The value at {@code path} of the latest selected event that has a non-empty value there. */
  private static JsonNode latest(List<UserEvent> events, Predicate<UserEvent> selected, PropertyPath path,
      Function<UserEvent, JsonNode> source, boolean skipNulls) {
    JsonNode latest = null;
    for (UserEvent e : events) { // oldest first, so the last hit wins
      if (selected.test(e)) {
        JsonNode value = path.read(source.apply(e)).orElse(null);
        if (value != null && !ValueText.of(value).isEmpty() && !(skipNulls && value.isNull())) {
          latest = value;
        }
      }
    }
    return latest;
  }

  private static JsonNode performedMany(UserPropertyNode.PerformedMany many, List<UserEvent> events) {
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (int i = events.size() - 1; i >= 0; i--) { // newest first
      UserEvent e = events.get(i);
      if (e.isTrack() && many.events().contains(e.stored().event())) {
        ObjectNode item = items.addObject();
        item.put("event", e.stored().event());
        item.put("timestamp", Timestamps.seconds(e.timeMs()));
        item.set("properties", e.properties());
      }
    }
    return items.isEmpty() ? null : items;
  }
}
