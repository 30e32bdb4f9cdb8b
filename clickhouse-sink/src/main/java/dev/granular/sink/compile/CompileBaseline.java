package dev.granular.sink.compile;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the previous compile of a workspace left behind, so the next one keeps short ids stable and can tell
 * which leaves and properties are new or changed.
 *
 * @param leafIds      leaf identity → short id (every leaf ever numbered)
 * @param criterionIds criterion identity → short id
 * @param roots        property id → root criterion identity
 * @param liveLeaves   the leaves that compile read, whose states have been kept up to date since. A leaf
 *                     that was dropped and comes back keeps its short id but missed the windows in between,
 *                     so it is new again: it must be backfilled.
 */
public record CompileBaseline(ShortIds leafIds, ShortIds criterionIds, Map<String, String> roots, Set<String> liveLeaves) {

  public CompileBaseline {
    Objects.requireNonNull(leafIds, "leafIds");
    Objects.requireNonNull(criterionIds, "criterionIds");
    roots = Map.copyOf(roots);
    liveLeaves = Set.copyOf(liveLeaves);
  }

  /**
   * A baseline stored without its live leaves: every leaf ever numbered counts as live, so a leaf that was
   * dropped and re-added is not backfilled. Store {@link #liveLeaves()} to get that right.
   */
  public CompileBaseline(ShortIds leafIds, ShortIds criterionIds, Map<String, String> roots) {
    this(leafIds, criterionIds, roots, leafIds.asMap().keySet());
  }

  public static CompileBaseline empty() {
    return new CompileBaseline(ShortIds.empty(), ShortIds.empty(), Map.of(), Set.of());
  }
}
