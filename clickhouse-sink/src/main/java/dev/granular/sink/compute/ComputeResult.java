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
 * @param changes            assignments that changed, sorted by property and user; empty when they were streamed
 *                           to the caller instead ({@link ComputeEngine#compute(dev.granular.sink.compile.WorkspaceIndex,
 *                           ProcessingWindow, ComputeScope, long, java.util.function.Consumer)})
 * @param changeCount        how many assignments changed, streamed or listed
 */
public record ComputeResult(String workspaceId, ProcessingWindow window, ComputeScope scope, long nowMs,
    long eventsRead, long stateRows, long backfillRows, long usersResolved, long assignmentsWritten,
    List<AssignmentChange> changes, long changeCount) {

  public ComputeResult {
    changes = List.copyOf(changes);
  }

  /** The same result with its changes listed, once a caller collected them. */
  ComputeResult withChanges(List<AssignmentChange> listed) {
    return new ComputeResult(workspaceId, window, scope, nowMs, eventsRead, stateRows, backfillRows, usersResolved,
        assignmentsWritten, listed, listed.size());
  }
}
