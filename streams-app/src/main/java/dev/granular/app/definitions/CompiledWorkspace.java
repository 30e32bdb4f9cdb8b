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

/**
 * A workspace's definitions compiled against its stored baseline, and the planner's view of them. The parsed
 * definitions are not kept: they weigh about seven times the index (118 KB against 17 KB for 30 properties), and
 * a cache of them filled a 256 MB heap at 1,000 workspaces.
 */
public record CompiledWorkspace(long version, WorkspaceIndex index, WorkspaceView view, Stamp stamp) {

  /**
   * Which stored value a compile belongs to. Between two versions the baseline only moves forward (ids and, on
   * completion, live leaves and roots grow), so its sizes tell the values of one version apart.
   */
  public record Stamp(long version, int leafIds, int liveLeaves, int roots, boolean liveLeavesKnown) {
    public static Stamp of(WorkspaceDefinitions stored) {
      return new Stamp(stored.getVersion(), stored.getLeafIds().size(), stored.getLiveLeaves().size(), stored.getRoots().size(),
          stored.getLiveLeavesKnown());
    }
  }

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
    return new CompiledWorkspace(stored.getVersion(), index, view, Stamp.of(stored));
  }

  /** The store value with this compile's baseline, once a plan over this version has completed. */
  public WorkspaceDefinitions withBaseline(WorkspaceDefinitions stored) {
    return stored(stored, index.baseline());
  }

  /** The store value for this version as it replaces the previous one: see {@link WorkspaceIndex#installedBaseline()}. */
  public WorkspaceDefinitions installedValue(WorkspaceDefinitions next) {
    return stored(next, index.installedBaseline());
  }

  /** This compile, as the compile of another stored value that compiles to the same index. */
  CompiledWorkspace as(WorkspaceDefinitions stored) {
    return new CompiledWorkspace(version, index, view, Stamp.of(stored));
  }

  private static WorkspaceDefinitions stored(WorkspaceDefinitions stored, CompileBaseline baseline) {
    return WorkspaceDefinitions.newBuilder(stored)
        .setLeafIds(Map.copyOf(baseline.leafIds().asMap()))
        .setCriterionIds(Map.copyOf(baseline.criterionIds().asMap()))
        .setRoots(Map.copyOf(baseline.roots()))
        .setLiveLeaves(List.copyOf(new TreeSet<>(baseline.liveLeaves())))
        .setLiveLeavesKnown(true)
        .build();
  }

  /** True when this is the compile of exactly that stored value. */
  public boolean compiledFrom(WorkspaceDefinitions stored) {
    return stamp.equals(Stamp.of(stored));
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
