package dev.granular.sink.definitions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed Dittofeed SegmentDefinition: the entry node plus the nodes And/Or children refer to by id.
 * The parser guarantees every child id resolves and the graph from the entry is acyclic.
 */
public record SegmentDefinition(SegmentNode entry, Map<String, SegmentNode> nodes) implements Definition {

  public SegmentDefinition {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  public SegmentNode node(String id) {
    SegmentNode node = nodes.get(id);
    if (node == null) {
      throw new IllegalStateException("no segment node " + id);
    }
    return node;
  }
}
