package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Random Dittofeed definitions over a small vocabulary (so predicates actually hit): nested And/Or over every
 * segment node type and operator, and every user-property type including Group/AnyOf.
 */
final class RandomDefinitions {
  static final List<String> TRAIT_PATHS = List.of("plan", "age", "tags", "since", "profile.tier", "$['odd key']");
  static final List<String> EVENTS = List.of("buy", "view", "view_item", "signup");
  private static final List<String> PATTERNS = List.of("buy", "view*", "view", "*", "signup", "view_item");
  private static final List<String> VALUES = List.of("free", "pro", "a", "b", "17", "30.5", "gold", "null");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Random random;
  private final long t0;
  private int nodeIds;

  RandomDefinitions(Random random, long t0) {
    this.random = random;
    this.t0 = t0;
  }

  /** A definition not yet bound to a workspace (each test mode runs in its own). */
  record Spec(String id, String type, JsonNode definition) {
    PropertyDefinition bind(String workspaceId) {
      ObjectNode message = JSON.objectNode().put("workspaceId", workspaceId).put("id", id).put("name", "name-" + id)
          .put("type", type);
      message.set("definition", definition);
      return DefinitionParser.parse(message);
    }
  }

  Spec segment(String id) {
    ArrayNode nodes = JSON.arrayNode();
    ObjectNode definition = JSON.objectNode();
    definition.set("entryNode", segmentNode(0, nodes));
    definition.set("nodes", nodes);
    return new Spec(id, "Segment", definition);
  }

  Spec userProperty(String id) {
    ObjectNode definition = switch (random.nextInt(7)) {
      case 0 -> JSON.objectNode().put("type", "Id");
      case 1 -> JSON.objectNode().put("type", "AnonymousId");
      case 2 -> {
        ObjectNode many = JSON.objectNode().put("type", "PerformedMany");
        ArrayNode or = many.putArray("or");
        or.addObject().put("event", pick(EVENTS));
        or.addObject().put("event", pick(EVENTS));
        yield many;
      }
      case 3, 4 -> group();
      default -> valueLeaf("root");
    };
    return new Spec(id, "UserProperty", definition);
  }

  private JsonNode segmentNode(int depth, ArrayNode nodes) {
    String id = "n" + nodeIds++;
    if (depth < 2 && random.nextInt(100) < 40) {
      ObjectNode group = JSON.objectNode().put("type", random.nextBoolean() ? "And" : "Or").put("id", id);
      ArrayNode children = group.putArray("children");
      for (int i = random.nextInt(3) + 1; i > 0; i--) { // one child too: the compiler removes the group
        JsonNode child = segmentNode(depth + 1, nodes);
        nodes.add(child);
        children.add(child.get("id").asText());
      }
      return group;
    }
    ObjectNode leaf = JSON.objectNode().put("id", id);
    switch (random.nextInt(10)) {
      case 0, 1, 2 -> trait(leaf);
      case 3, 4, 5 -> performed(leaf);
      case 6 -> {
        leaf.put("type", "LastPerformed").put("event", pick(PATTERNS));
        filters(leaf.putArray("whereProperties"), random.nextInt(2));
        filters(leaf.putArray("hasProperties"), random.nextInt(3));
      }
      case 7 -> leaf.put("type", "Everyone");
      case 8 -> leaf.put("type", "RandomBucket").put("percent", random.nextInt(11) / 10.0);
      default -> leaf.put("type", "Includes").put("path", random.nextBoolean() ? "tags" : pick(TRAIT_PATHS))
          .put("item", pick(List.of("a", "b", "1")));
    }
    return leaf;
  }

  private void performed(ObjectNode leaf) {
    leaf.put("type", "Performed").put("event", pick(PATTERNS));
    if (random.nextInt(4) > 0) {
      leaf.put("times", random.nextInt(4)).put("timesOperator", pick(List.of("=", ">=", "<")));
    }
    if (random.nextBoolean()) {
      leaf.put("withinSeconds", pick(List.of(3_600, 6 * 3_600, 86_400, 2 * 86_400)));
    }
    filters(leaf.putArray("properties"), random.nextInt(3) == 0 ? 1 : 0);
  }

  private void filters(ArrayNode out, int count) {
    for (int i = 0; i < count; i++) {
      ObjectNode filter = out.addObject().put("path", pick(List.of("sku", "price", "tags[0]", "nested.k")));
      filter.set("operator", valueOperator());
    }
  }

  private ObjectNode valueOperator() {
    ObjectNode op = JSON.objectNode();
    switch (random.nextInt(6)) {
      case 0 -> op.put("type", "Equals").put("value", pick(List.of("a", "b", "10", "5")));
      case 1 -> op.put("type", "NotEquals").put("value", pick(List.of("a", "10")));
      case 2 -> op.put("type", "Exists");
      case 3 -> op.put("type", "NotExists");
      case 4 -> op.put("type", "GreaterThanOrEqual").put("value", pick(List.of(5.0, 10.0, 12.5)));
      default -> op.put("type", "LessThan").put("value", pick(List.of(5.0, 10.0, 12.5)));
    }
    return op;
  }

  /** Operators mostly on the path whose values they can match, so time-driven changes actually occur. */
  private void trait(ObjectNode leaf) {
    ObjectNode op = JSON.objectNode();
    int hours = pick(List.of(1, 6, 24, 48));
    String path = pick(TRAIT_PATHS);
    switch (random.nextInt(10)) {
      case 0 -> op.put("type", "Equals").put("value", pick(VALUES));
      case 1 -> op.put("type", "NotEquals").put("value", pick(VALUES));
      case 2 -> op.put("type", random.nextBoolean() ? "Exists" : "NotExists");
      case 3 -> {
        op.put("type", random.nextBoolean() ? "GreaterThanOrEqual" : "LessThan").put("value", pick(List.of(17, 18, 30)));
        path = random.nextInt(4) > 0 ? "age" : path;
      }
      case 4, 5 -> {
        op.put("type", "Within").put("windowSeconds", hours * 3_600);
        path = random.nextInt(5) > 0 ? "since" : path;
      }
      case 6, 7, 8 -> {
        path = random.nextInt(5) > 0 ? "plan" : path;
        op.put("type", "HasBeen").put("value", path.equals("plan") ? pick(List.of("free", "pro")) : pick(VALUES))
            .put("comparator", random.nextBoolean() ? "GTE" : "LT").put("windowSeconds", hours * 3_600);
      }
      default -> {
        op.put("type", "AbsoluteTimestamp").put("direction", random.nextBoolean() ? "after" : "before")
            .put("absoluteTimestamp", Instant.ofEpochMilli(t0 + (random.nextInt(5) - 3) * 86_400_000L).toString());
        path = random.nextInt(5) > 0 ? "since" : path;
      }
    }
    leaf.put("type", "Trait").put("path", path).set("operator", op);
  }

  private ObjectNode group() {
    ObjectNode group = JSON.objectNode().put("type", "Group").put("entry", "any");
    ArrayNode nodes = group.putArray("nodes");
    ObjectNode anyOf = nodes.addObject().put("type", "AnyOf").put("id", "any");
    ArrayNode children = anyOf.putArray("children");
    for (int i = 0; i < random.nextInt(3) + 1; i++) {
      nodes.add(valueLeaf("c" + i));
      children.add("c" + i);
    }
    return group;
  }

  private ObjectNode valueLeaf(String id) {
    if (random.nextBoolean()) {
      return JSON.objectNode().put("type", "Trait").put("id", id).put("path", pick(TRAIT_PATHS));
    }
    ObjectNode performed = JSON.objectNode().put("type", "Performed").put("id", id).put("event", pick(PATTERNS))
        .put("path", pick(List.of("sku", "price", "tags", "nested.k", "nested")));
    if (random.nextInt(3) == 0) {
      performed.putArray("properties").addObject().put("path", "sku").putObject("operator")
          .put("type", "Equals").put("value", pick(List.of("a", "b")));
    }
    return performed;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
