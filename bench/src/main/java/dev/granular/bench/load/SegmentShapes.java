package dev.granular.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds Dittofeed SegmentDefinitions ({@code {"entryNode", "nodes"}}) in a cycle of shapes: a single leaf,
 * And, Or, nested And/Or, a RandomBucket sample, Everyone. Leaves come from the workspace's {@link PredicatePool}.
 */
final class SegmentShapes {
  enum Shape { LEAF, AND, OR, AND_OF_OR, BUCKET, OR_OF_AND, EVERYONE }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PredicatePool pool;
  private final SplittableRandom random;

  SegmentShapes(PredicatePool pool, SplittableRandom random) {
    this.pool = pool;
    this.random = random;
  }

  static Shape shape(int segment) {
    return Shape.values()[segment % Shape.values().length];
  }

  ObjectNode definition(Shape shape) {
    Builder b = new Builder();
    String entry = switch (shape) {
      case LEAF -> b.leaves(1).get(0);
      case AND -> b.group("And", b.leaves(2));
      case OR -> b.group("Or", b.leaves(3));
      case AND_OF_OR -> {
        List<String> leaves = b.leaves(3);
        yield b.group("And", List.of(leaves.get(0), b.group("Or", leaves.subList(1, 3))));
      }
      case BUCKET -> {
        ObjectNode bucket = b.node("RandomBucket").put("percent", (1 + random.nextInt(5)) / 10.0);
        yield b.group("And", List.of(bucket.get("id").textValue(), b.leaves(1).get(0)));
      }
      case OR_OF_AND -> {
        List<String> leaves = b.leaves(3);
        yield b.group("Or", List.of(b.group("And", leaves.subList(0, 2)), leaves.get(2)));
      }
      case EVERYONE -> b.node("Everyone").get("id").textValue();
    };
    return b.definition(entry);
  }

  /** Collects a definition's nodes under ids "1", "2", ... and makes the chosen one the entry node. */
  private final class Builder {
    private final List<ObjectNode> nodes = new ArrayList<>();

    ObjectNode node(String type) {
      ObjectNode node = NODES.objectNode().put("type", type).put("id", String.valueOf(nodes.size() + 1));
      nodes.add(node);
      return node;
    }

    /** {@code count} pool leaves, distinct when the pool is big enough. */
    List<String> leaves(int count) {
      List<Integer> candidates = new ArrayList<>();
      for (int j = 0; j < pool.size(); j++) {
        candidates.add(j);
      }
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        int j = candidates.isEmpty() ? random.nextInt(pool.size())
            : candidates.remove(random.nextInt(candidates.size()));
        ObjectNode leaf = pool.leaf(j, String.valueOf(nodes.size() + 1));
        nodes.add(leaf);
        ids.add(leaf.get("id").textValue());
      }
      return ids;
    }

    String group(String type, List<String> children) {
      ObjectNode group = node(type);
      ArrayNode list = group.putArray("children");
      children.forEach(list::add);
      return group.get("id").textValue();
    }

    ObjectNode definition(String entryId) {
      ObjectNode definition = NODES.objectNode();
      ArrayNode rest = NODES.arrayNode();
      for (ObjectNode node : nodes) {
        if (node.get("id").textValue().equals(entryId)) {
          definition.set("entryNode", node);
        } else {
          rest.add(node);
        }
      }
      definition.set("nodes", rest);
      return definition;
    }
  }
}
