package dev.granular.app.definitions;

import dev.granular.app.definitions.WorkspaceView;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.sink.compile.CompileBaseline;
import dev.granular.sink.compile.Leaf;
import dev.granular.sink.compile.LeafKind;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.ShortIds;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/** A workspace's definitions compiled against its stored baseline, and the planner's view of them. */
public record CompiledWorkspace(long version, List<PropertyDefinition> definitions, WorkspaceIndex index, WorkspaceView view) {

  public static CompiledWorkspace of(WorkspaceDefinitions stored) {
    List<PropertyDefinition> definitions = new ArrayList<>();
    for (String json : new TreeMap<>(stored.getDefinitions()).values()) {
      definitions.add(DefinitionParser.parse(json)); // validated on the way in
    }
    CompileBaseline baseline = stored.getLiveLeavesKnown()
        ? new CompileBaseline(ShortIds.of(stored.getLeafIds()), ShortIds.of(stored.getCriterionIds()), stored.getRoots(),
            Set.copyOf(stored.getLiveLeaves()))
        : new CompileBaseline(ShortIds.of(stored.getLeafIds()), ShortIds.of(stored.getCriterionIds()), stored.getRoots());
    WorkspaceIndex index = ProfileCompiler.compile(stored.getWorkspaceId(), definitions, baseline);
    List<String> properties = new ArrayList<>(index.roots().keySet());
    properties.sort(null);
    List<String> changed = new ArrayList<>(index.changedProperties());
    changed.sort(null);
    WorkspaceView view = new WorkspaceView(stored.getVersion(), properties, changed, index.leaves().size(), timeDependent(index));
    return new CompiledWorkspace(stored.getVersion(), List.copyOf(definitions), index, view);
  }

  /** The store value with this compile's baseline, once a plan over this version has completed. */
  public WorkspaceDefinitions withBaseline(WorkspaceDefinitions stored) {
    CompileBaseline baseline = index.baseline();
    return WorkspaceDefinitions.newBuilder(stored)
        .setLeafIds(Map.copyOf(baseline.leafIds().asMap()))
        .setCriterionIds(Map.copyOf(baseline.criterionIds().asMap()))
        .setRoots(Map.copyOf(baseline.roots()))
        .setLiveLeaves(List.copyOf(new TreeSet<>(baseline.liveLeaves())))
        .setLiveLeavesKnown(true)
        .build();
  }

  /** Leaf ids known to the baseline this was compiled against; changes when a plan completes. */
  public int baselineSize() {
    return index.knownLeaves().size();
  }

  /** True when some property can change with the clock alone: windows, Within, HasBeen, absolute times. */
  static boolean timeDependent(WorkspaceIndex index) {
    for (Leaf leaf : index.leaves().values()) {
      if (leaf.kind() == LeafKind.PERFORMED_TIMES || leaf.kind() == LeafKind.TRAIT_HISTORY) {
        return true;
      }
    }
    return index.criteria().values().stream().anyMatch(c -> c.spec().findValue("windowMs") != null || c.spec().findValue("atMs") != null);
  }
}
