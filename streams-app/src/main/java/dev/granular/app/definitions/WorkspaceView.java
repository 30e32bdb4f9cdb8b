package dev.granular.app.definitions;

import java.util.List;

/**
 * What the planner needs to know of a workspace's compiled definitions.
 *
 * @param propertyIds every computed property, sorted
 * @param changedPropertyIds properties whose definition is new or changed since the last completed plan:
 *     they are recomputed over all history
 * @param timeDependent some property can change with time alone (windows, Within, HasBeen, absolute times),
 *     so a tick computes even without new events
 */
public record WorkspaceView(long version, List<String> propertyIds, List<String> changedPropertyIds, int leaves,
    boolean timeDependent) {
  public static final WorkspaceView EMPTY = new WorkspaceView(0, List.of(), List.of(), 0, false);

  public WorkspaceView {
    propertyIds = List.copyOf(propertyIds);
    changedPropertyIds = List.copyOf(changedPropertyIds);
  }
}
