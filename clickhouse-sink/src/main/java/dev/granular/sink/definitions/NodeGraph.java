package dev.granular.sink.definitions;

import dev.granular.sink.definitions.DefinitionException.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that child references of a definition's nodes resolve and form no cycle. */
final class NodeGraph {

  private final String label;
  private final Map<String, List<String>> childrenById;
  private final Set<String> done = new HashSet<>();
  private final Set<String> onPath = new HashSet<>();

  private NodeGraph(String label, Map<String, List<String>> childrenById) {
    this.label = label;
    this.childrenById = childrenById;
  }

  /**
   * @param label        e.g. "segment" or "user property", for messages
   * @param rootName     how the root refers to itself in messages (its id, or "entryNode")
   * @param rootChildren ids the root refers to
   * @param childrenById every addressable node's child ids
   */
  static void check(String label, String rootName, List<String> rootChildren, Map<String, List<String>> childrenById) {
    NodeGraph graph = new NodeGraph(label, childrenById);
    for (String child : rootChildren) {
      graph.visit(rootName, child);
    }
    for (String id : childrenById.keySet()) {
      graph.visit(id, id);
    }
  }

  private void visit(String parent, String id) {
    if (!childrenById.containsKey(id)) {
      throw new DefinitionException(Reason.DANGLING_CHILD,
          label + " node '" + parent + "' refers to child '" + id + "', which is not in nodes");
    }
    if (onPath.contains(id)) {
      throw new DefinitionException(Reason.CYCLE, label + " node '" + id + "' contains itself (via '" + parent + "')");
    }
    if (!done.add(id)) {
      return;
    }
    onPath.add(id);
    for (String child : childrenById.get(id)) {
      visit(id, child);
    }
    onPath.remove(id);
  }
}
