package dev.granular.sink.compile;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled workspace (the profile index): criteria and leaves keyed by identity, each property's root
 * criterion, stable short ids, and what changed since the baseline it was compiled against.
 */
public final class WorkspaceIndex {

  /** Sizes for the planner: work scales with properties × events, state with unique leaves. */
  public record Counts(int properties, int criteria, int leaves, int newLeaves, int changedProperties) {
  }

  private final String workspaceId;
  private final Map<String, String> roots;
  private final Map<String, Criterion> criteria;
  private final Map<String, Leaf> leaves;
  private final ShortIds leafIds;
  private final ShortIds criterionIds;
  private final Set<String> newLeaves;
  private final Set<String> changedProperties;

  WorkspaceIndex(String workspaceId, Map<String, String> roots, CriteriaTable table, CompileBaseline baseline) {
    this.workspaceId = workspaceId;
    this.roots = Map.copyOf(roots);
    this.criteria = Map.copyOf(table.criteria());
    this.leaves = Map.copyOf(table.leaves());
    this.leafIds = baseline.leafIds().with(table.leaves().keySet());
    this.criterionIds = baseline.criterionIds().with(table.criteria().keySet());
    this.newLeaves = Set.copyOf(table.leaves().keySet().stream().filter(id -> !baseline.liveLeaves().contains(id)).toList());
    this.changedProperties = Set.copyOf(roots.keySet().stream()
        .filter(p -> !roots.get(p).equals(baseline.roots().get(p))).toList());
  }

  public String workspaceId() {
    return workspaceId;
  }

  /** Property id → root criterion id. */
  public Map<String, String> roots() {
    return roots;
  }

  public Map<String, Criterion> criteria() {
    return criteria;
  }

  public Map<String, Leaf> leaves() {
    return leaves;
  }

  public ShortIds leafIds() {
    return leafIds;
  }

  public ShortIds criterionIds() {
    return criterionIds;
  }

  /** Leaves the baseline did not read (new, or dropped and re-added): their state must be backfilled from all history. */
  public Set<String> newLeaves() {
    return newLeaves;
  }

  /** Leaves the baseline knew: their state is already maintained incrementally. */
  public Set<String> knownLeaves() {
    Set<String> known = new TreeSet<>(leaves.keySet());
    known.removeAll(newLeaves);
    return known;
  }

  /** Properties that are new or whose root identity changed: their assignments must be re-resolved. */
  public Set<String> changedProperties() {
    return changedProperties;
  }

  /** Every leaf the property reads, through all its criteria. */
  public Set<String> leavesOf(String propertyId) {
    String root = roots.get(propertyId);
    if (root == null) {
      throw new IllegalArgumentException("no property " + propertyId + " in workspace " + workspaceId);
    }
    Set<String> found = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(root));
    Set<String> visited = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      Criterion criterion = criteria.get(pending.pop());
      if (visited.add(criterion.id())) {
        found.addAll(criterion.leaves());
        pending.addAll(criterion.children());
      }
    }
    return found;
  }

  /** The event index: leaves an event of this type and name may change, in short-id order. */
  public List<Leaf> leavesAffectedBy(String eventType, String eventName) {
    return leaves.values().stream().filter(leaf -> leaf.source().events().matches(eventType, eventName))
        .sorted(Comparator.comparingInt(leaf -> leafIds.get(leaf.id()))).toList();
  }

  public Counts counts() {
    return new Counts(roots.size(), criteria.size(), leaves.size(), newLeaves.size(), changedProperties.size());
  }

  /**
   * The baseline to store as soon as this version replaces the previous one, before any plan over it has
   * completed. Its ids are kept at once: ids are never reused, so two versions compiled against one baseline
   * cannot give one id to two leaves. Only what this version still maintains stays live, because from now on
   * the sink runs every task on this version. A leaf it drops stops being updated, so it is backfilled if it
   * comes back. A property whose root changed, or that was deleted, is resolved again. Compiling this version
   * against the result gives this same index.
   */
  public CompileBaseline installedBaseline() {
    Map<String, String> unchanged = new HashMap<>(roots);
    unchanged.keySet().removeAll(changedProperties);
    return new CompileBaseline(leafIds, criterionIds, unchanged, knownLeaves());
  }

  /** The input for the next compile of this workspace, once a plan over this version has completed. */
  public CompileBaseline baseline() {
    return new CompileBaseline(leafIds, criterionIds, roots, leaves.keySet());
  }
}
