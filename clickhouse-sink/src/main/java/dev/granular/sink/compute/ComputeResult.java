package dev.granular.sink.compute;

import java.util.List;

/**
 * What one compute task did, for the planner's task result and metrics.
 *
 * @param eventsRead         events of the window read in the scope's bucket (each stored copy once)
 * @param stateRows          leaf input rows inserted for the window
 * @param backfillRows       leaf input rows inserted to backfill new leaves over all history
 * @param usersResolved      users resolved (once per property group)
 * @param assignmentsWritten assignment rows written (0 when the compute is repeated)
 * @param changes            assignments that changed, sorted by property and user
 */
public record ComputeResult(String workspaceId, ProcessingWindow window, ComputeScope scope, long nowMs,
    long eventsRead, long stateRows, long backfillRows, long usersResolved, long assignmentsWritten,
    List<AssignmentChange> changes) {

  public ComputeResult {
    changes = List.copyOf(changes);
  }
}
