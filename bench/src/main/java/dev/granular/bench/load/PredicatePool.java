package dev.granular.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A workspace's small pool of leaf predicates (Dittofeed segment nodes without ids). Segments draw their
 * leaves from it, so the same sub-predicate recurs across segments, as when marketers reuse "pro plan" or
 * "bought in the last week": the compile step's dedup then has work to do. Leaf kinds cycle so that a pool
 * of at least {@link #KINDS} covers every kind.
 */
final class PredicatePool {
  static final int KINDS = 9;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long HOUR = 3_600;
  private static final long DAY = 24 * HOUR;

  private final List<ObjectNode> leaves = new ArrayList<>();
  private final SplittableRandom random;
  private final ZipfSampler eventNames;

  PredicatePool(int size, SplittableRandom random, ZipfSampler eventNames) {
    this.random = random;
    this.eventNames = eventNames;
    for (int j = 0; j < size; j++) {
      leaves.add(build(j % KINDS));
    }
  }

  int size() {
    return leaves.size();
  }

  /** A copy of pool leaf {@code j}, with the node id its definition needs. */
  ObjectNode leaf(int j, String id) {
    ObjectNode node = NODES.objectNode().put("id", id);
    node.setAll(leaves.get(j).deepCopy());
    return node;
  }

  private ObjectNode build(int kind) {
    return switch (kind) {
      case 0 -> trait("plan", operator("Equals").put("value", pick(EventCatalog.PLANS)));
      case 1 -> trait("country", operator("NotEquals").put("value", pick(EventCatalog.COUNTRIES)));
      case 2 -> trait("email", operator("Exists"));
      case 3 -> trait("score", operator("GreaterThanOrEqual").put("value", random.nextInt(EventCatalog.MAX_SCORE)));
      case 4 -> performed(">=", 1 + random.nextInt(3), random.nextBoolean() ? 0 : pick(HOUR, DAY, 7 * DAY), "price");
      case 5 -> trait("score", operator("LessThan").put("value", random.nextInt(EventCatalog.MAX_SCORE)));
      case 6 -> lastPerformed();
      case 7 -> trait("signedUpAt", operator("Within").put("windowSeconds", pick(7 * DAY, 30 * DAY)));
      default -> random.nextBoolean() ? performed("<", 1 + random.nextInt(2), pick(HOUR, DAY), "category")
          : performed("=", 0, pick(HOUR, DAY), "category");
    };
  }

  private ObjectNode trait(String path, ObjectNode operator) {
    ObjectNode node = NODES.objectNode().put("type", "Trait").put("path", path);
    node.set("operator", operator);
    return node;
  }

  /** A count of an event, optionally in a time window and with a property filter half of the time. */
  private ObjectNode performed(String timesOperator, int times, long withinSeconds, String filterPath) {
    ObjectNode node = NODES.objectNode().put("type", "Performed").put("event", eventName())
        .put("timesOperator", timesOperator).put("times", times);
    if (withinSeconds > 0) {
      node.put("withinSeconds", withinSeconds);
    }
    if (random.nextBoolean()) {
      condition(node.putArray("properties"), filterPath);
    }
    return node;
  }

  private ObjectNode lastPerformed() {
    ObjectNode node = NODES.objectNode().put("type", "LastPerformed").put("event", eventName());
    condition(node.putArray("whereProperties"), "category");
    condition(node.putArray("hasProperties"), "price");
    return node;
  }

  /** price >= x, or category = c: values the generated track events carry. */
  private void condition(ArrayNode conditions, String path) {
    ObjectNode operator = path.equals("price")
        ? operator("GreaterThanOrEqual").put("value", 1 + random.nextInt(EventCatalog.MAX_PRICE))
        : operator("Equals").put("value", pick(EventCatalog.CATEGORIES));
    conditions.addObject().put("path", path).set("operator", operator);
  }

  String eventName() {
    return EventCatalog.trackEvent(eventNames.sample(random));
  }

  private static ObjectNode operator(String type) {
    return NODES.objectNode().put("type", type);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private long pick(long... values) {
    return values[random.nextInt(values.length)];
  }
}
