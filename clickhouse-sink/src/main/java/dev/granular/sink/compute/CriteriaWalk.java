package dev.granular.sink.compute;

import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.WorkspaceIndex;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The criteria a set of properties reads, each once (shared subtrees are visited once). */
final class CriteriaWalk {

  private CriteriaWalk() {
  }

  static List<Criterion> reachable(WorkspaceIndex index, Collection<String> propertyIds) {
    Map<String, Criterion> found = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>();
    propertyIds.forEach(p -> pending.add(index.roots().get(p)));
    while (!pending.isEmpty()) {
      Criterion criterion = index.criteria().get(pending.pop());
      if (found.putIfAbsent(criterion.id(), criterion) == null) {
        pending.addAll(criterion.children());
      }
    }
    return List.copyOf(found.values());
  }
}
