package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.LeafKind;
import dev.granular.sink.definitions.Timestamps;
import dev.granular.sink.definitions.ValueText;
import java.util.List;

/** Resolves user-property criteria from merged leaf states; null means "no value". */
final class PropertyValues {
  private final LeafView view;

  PropertyValues(LeafView view) {
    this.view = view;
  }

  /** The property's value, or null for none (nothing matched, "" or JSON null). */
  JsonNode value(String rootId, String user) {
    JsonNode value = eval(rootId, user);
    return value == null || value.isNull() || ValueText.of(value).isEmpty() ? null : value;
  }

  private JsonNode eval(String criterionId, String user) {
    Criterion c = view.index().criteria().get(criterionId);
    return switch (c.kind()) {
      case ID -> view.known(c, user) ? TextNode.valueOf(user) : null;
      case ANONYMOUS_ID -> json(view.latest(c, LeafKind.ANONYMOUS_ID, user));
      case TRAIT_VALUE -> json(view.latest(c, LeafKind.TRAIT_LAST, user));
      case PERFORMED_VALUE -> json(view.latest(c, LeafKind.EVENT_LAST_VALUE, user));
      case PERFORMED_MANY -> performedMany(view.history(c, LeafKind.EVENT_LIST, user));
      case ANY_OF -> {
        for (String child : c.children()) {
          JsonNode value = eval(child, user);
          if (value != null && !value.isNull()) {
            yield value;
          }
        }
        yield null;
      }
      case ABSENT -> null;
      default -> throw new IllegalStateException(c.kind() + " is not a user-property criterion");
    };
  }

  private static JsonNode json(LeafStates.Latest latest) {
    return latest == null ? null : LeafView.json(latest.json());
  }

  /** Newest first, each {event, timestamp (UTC seconds, no zone), properties}, as Dittofeed lists them. */
  private static JsonNode performedMany(List<LeafStates.Entry> oldestFirst) {
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      LeafStates.Entry entry = oldestFirst.get(i);
      JsonNode stored = LeafView.json(entry.payload());
      ObjectNode item = items.addObject();
      item.set("event", stored.get("event"));
      item.put("timestamp", Timestamps.seconds(entry.timeMs()));
      item.set("properties", stored.get("properties"));
    }
    return items.isEmpty() ? null : items;
  }
}
