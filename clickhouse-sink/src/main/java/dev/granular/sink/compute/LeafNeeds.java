package dev.granular.sink.compute;

import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.CriterionKind;
import dev.granular.sink.compile.Leaf;
import dev.granular.sink.compile.LeafKind;
import dev.granular.sink.compile.WorkspaceIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which states a resolution reads, by family. Windowed counts are read only back to the start of the
 * longest window any criterion applies to the leaf at {@code now}.
 *
 * @param windowedFrom windowed count leaf → earliest event-time bucket needed
 */
record LeafNeeds(Set<Integer> latest, Set<Integer> counts, Map<Integer, Long> windowedFrom, Set<Integer> history) {

  static LeafNeeds of(WorkspaceIndex index, List<Criterion> criteria, long nowMs) {
    Set<Integer> latest = new TreeSet<>();
    Set<Integer> counts = new TreeSet<>();
    Map<Integer, Long> windowedFrom = new HashMap<>();
    Set<Integer> history = new TreeSet<>();
    for (Criterion criterion : criteria) {
      for (String leafId : criterion.leaves()) {
        Leaf leaf = index.leaves().get(leafId);
        int id = index.leafIds().get(leafId);
        if (leaf.kind() == LeafKind.PERFORMED_TIMES) {
          long from = Math.max(0, nowMs - withinMs(criterion));
          windowedFrom.merge(id, from, Math::min);
          continue;
        }
        switch (StateFamily.of(leaf.kind())) {
          case LATEST -> latest.add(id);
          case COUNTS -> counts.add(id);
          case HISTORY -> history.add(id);
          default -> throw new IllegalStateException("unhandled family");
        }
      }
    }
    return new LeafNeeds(latest, counts, windowedFrom, history);
  }

  static long withinMs(Criterion criterion) {
    if (criterion.kind() != CriterionKind.PERFORMED) {
      throw new IllegalStateException("a windowed count is read only by Performed, not " + criterion.kind());
    }
    return criterion.spec().get("withinMs").asLong();
  }
}
