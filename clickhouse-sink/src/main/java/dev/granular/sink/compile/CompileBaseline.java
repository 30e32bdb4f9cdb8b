package dev.granular.sink.compile;

import java.util.Map;
import java.util.Objects;

/**
 * What the previous compile of a workspace left behind, so the next one keeps short ids stable and can tell
 * which leaves and properties are new or changed.
 *
 * @param leafIds      leaf identity → short id
 * @param criterionIds criterion identity → short id
 * @param roots        property id → root criterion identity
 */
public record CompileBaseline(ShortIds leafIds, ShortIds criterionIds, Map<String, String> roots) {

  public CompileBaseline {
    Objects.requireNonNull(leafIds, "leafIds");
    Objects.requireNonNull(criterionIds, "criterionIds");
    roots = Map.copyOf(roots);
  }

  public static CompileBaseline empty() {
    return new CompileBaseline(ShortIds.empty(), ShortIds.empty(), Map.of());
  }
}
