package dev.granular.bench.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Builds Dittofeed UserPropertyDefinitions in a cycle of shapes: Trait, Performed (with an Equals filter
 * half of the time), a Group whose AnyOf falls back from an event property to a trait, and Id.
 */
final class UserPropertyShapes {
  enum Shape { TRAIT, PERFORMED, ANY_OF, ID }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PredicatePool pool;
  private final SplittableRandom random;

  UserPropertyShapes(PredicatePool pool, SplittableRandom random) {
    this.pool = pool;
    this.random = random;
  }

  static Shape shape(int property) {
    return Shape.values()[property % Shape.values().length];
  }

  ObjectNode definition(Shape shape) {
    return switch (shape) {
      case TRAIT -> NODES.objectNode().put("type", "Trait").put("path", pick(EventCatalog.PROFILE_TRAITS));
      case PERFORMED -> {
        ObjectNode performed = performed(pick(EventCatalog.PURCHASE_PROPERTIES));
        if (random.nextBoolean()) {
          performed.putArray("properties").addObject().put("path", "category").putObject("operator")
              .put("type", "Equals").put("value", pick(EventCatalog.CATEGORIES));
        }
        yield performed;
      }
      case ANY_OF -> {
        ObjectNode group = NODES.objectNode().put("type", "Group").put("entry", "1");
        var nodes = group.putArray("nodes");
        nodes.addObject().put("type", "AnyOf").put("id", "1").putArray("children").add("2").add("3");
        nodes.add(performed("sku").put("id", "2"));
        nodes.addObject().put("type", "Trait").put("id", "3").put("path", "email");
        yield group;
      }
      case ID -> NODES.objectNode().put("type", "Id");
    };
  }

  private ObjectNode performed(String path) {
    return NODES.objectNode().put("type", "Performed").put("event", pool.eventName()).put("path", path);
  }

  private String pick(java.util.List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
