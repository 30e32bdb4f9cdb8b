package dev.granular.sink.definitions;

import dev.granular.sink.definitions.DefinitionException.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that child references of a definition's nodes resolve, form no cycle and are at most
 * {@link DefinitionParser#MAX_DEPTH} levels deep. Iterative: a chain of 10,000 nodes must get a reason, not
 * overflow the stream thread's stack.
 */
final class NodeGraph {

  private final String label;
  private final Map<String, List<String>> childrenById;
  /** Finished nodes: the most levels from each down to a leaf, itself included. */
  private final Map<String, Integer> height = new HashMap<>();
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

  private record Frame(String id, Iterator<String> children, int[] height) {}

  private void visit(String parent, String start) {
    enter(parent, start);
    if (height.containsKey(start)) {
      return;
    }
    Deque<Frame> path = new ArrayDeque<>();
    push(path, start);
    while (!path.isEmpty()) {
      Frame top = path.peek();
      if (top.children().hasNext()) {
        String child = top.children().next();
        enter(top.id(), child);
        Integer known = height.get(child);
        if (known != null) {
          top.height()[0] = Math.max(top.height()[0], known + 1);
        } else {
          push(path, child);
        }
        continue;
      }
      path.pop();
      onPath.remove(top.id());
      int levels = top.height()[0];
      if (levels > DefinitionParser.MAX_DEPTH) {
        throw new DefinitionException(Reason.TOO_DEEP, label + " node '" + top.id() + "' has children " + levels
            + " levels deep > limit " + DefinitionParser.MAX_DEPTH);
      }
      height.put(top.id(), levels);
      if (!path.isEmpty()) {
        path.peek().height()[0] = Math.max(path.peek().height()[0], levels + 1);
      }
    }
  }

  private void push(Deque<Frame> path, String id) {
    onPath.add(id);
    path.push(new Frame(id, childrenById.get(id).iterator(), new int[] {1}));
  }

  private void enter(String parent, String id) {
    if (!childrenById.containsKey(id)) {
      throw new DefinitionException(Reason.DANGLING_CHILD,
          label + " node '" + parent + "' refers to child '" + id + "', which is not in nodes");
    }
    if (onPath.contains(id)) {
      throw new DefinitionException(Reason.CYCLE, label + " node '" + id + "' contains itself (via '" + parent + "')");
    }
  }
}
