package dev.granular.sink.compute;

import dev.granular.sink.compile.WorkspaceIndex;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which part of a workspace's work a call does, so a planner can split a compute into parts that are each
 * safe to repeat (COMPUTE.md says which parts combine and which must wait for others).
 *
 * @param bucket      the users: one hash bucket of the user-id space
 * @param propertyIds the properties resolved, and whose leaves are inserted; null for all
 * @param leafIds     a further restriction of the leaves inserted; null for every leaf of the properties.
 *                    A scope with leafIds only inserts states: resolving needs every leaf of a property.
 */
public record ComputeScope(UserBucket bucket, Set<String> propertyIds, Set<String> leafIds) {

  public ComputeScope {
    if (bucket == null) {
      throw new IllegalArgumentException("bucket is required (UserBucket.ALL for every user)");
    }
    propertyIds = propertyIds == null ? null : Set.copyOf(propertyIds);
    leafIds = leafIds == null ? null : Set.copyOf(leafIds);
  }

  public static ComputeScope all() {
    return new ComputeScope(UserBucket.ALL, null, null);
  }

  public ComputeScope inBucket(int index, int count) {
    return new ComputeScope(new UserBucket(index, count), propertyIds, leafIds);
  }

  public ComputeScope withProperties(Set<String> properties) {
    return new ComputeScope(bucket, properties, leafIds);
  }

  public ComputeScope withLeaves(Set<String> leaves) {
    return new ComputeScope(bucket, propertyIds, leaves);
  }

  public boolean canResolve() {
    return leafIds == null;
  }

  /** The property ids in scope, sorted; an id the index does not know is an error, not a silent no-op. */
  public Set<String> properties(WorkspaceIndex index) {
    if (propertyIds == null) {
      return new TreeSet<>(index.roots().keySet());
    }
    for (String id : propertyIds) {
      if (!index.roots().containsKey(id)) {
        throw new IllegalArgumentException("scope names property " + id + ", which workspace "
            + index.workspaceId() + " does not define");
      }
    }
    return new TreeSet<>(propertyIds);
  }

  /** The leaf ids whose states this scope inserts. */
  public Set<String> leaves(WorkspaceIndex index) {
    Set<String> leaves = new LinkedHashSet<>();
    if (propertyIds == null) {
      leaves.addAll(index.leaves().keySet());
    } else {
      properties(index).forEach(p -> leaves.addAll(index.leavesOf(p)));
    }
    if (leafIds != null) {
      leaves.retainAll(leafIds);
    }
    return leaves;
  }
}
