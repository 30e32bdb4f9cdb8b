package dev.granular.sink.compile;

import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.definitions.PropertyKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compile step: one workspace's definitions → a {@link WorkspaceIndex}. Deterministic: the same
 * definitions and baseline give the same index, whatever their order.
 */
public final class ProfileCompiler {

  private ProfileCompiler() {
  }

  public static WorkspaceIndex compile(String workspaceId, Collection<PropertyDefinition> definitions) {
    return compile(workspaceId, definitions, CompileBaseline.empty());
  }

  public static WorkspaceIndex compile(String workspaceId, Collection<PropertyDefinition> definitions,
      CompileBaseline baseline) {
    CriteriaTable table = new CriteriaTable();
    Map<String, String> roots = new LinkedHashMap<>();
    // Sorted so that new short ids are handed out in the same order on every run.
    List<PropertyDefinition> sorted = definitions.stream().sorted(Comparator.comparing(PropertyDefinition::id)).toList();
    for (PropertyDefinition definition : sorted) {
      if (!definition.workspaceId().equals(workspaceId)) {
        throw new IllegalArgumentException("property " + definition.id() + " belongs to workspace "
            + definition.workspaceId() + ", not " + workspaceId);
      }
      String root = definition.kind() == PropertyKind.SEGMENT
          ? new SegmentCompiler(table, definition.segment(), definition.name()).compile()
          : new UserPropertyCompiler(table, definition.userProperty()).compile();
      if (roots.put(definition.id(), root) != null) {
        throw new IllegalArgumentException("property id " + definition.id() + " is defined twice");
      }
    }
    return new WorkspaceIndex(workspaceId, roots, table, baseline);
  }
}
