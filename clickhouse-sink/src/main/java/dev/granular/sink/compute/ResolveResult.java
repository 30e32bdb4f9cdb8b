package dev.granular.sink.compute;

import java.util.List;

/**
 * What one resolution did.
 *
 * @param usersResolved      (user, property group) resolutions: users resolved, counted once per pass
 * @param assignmentsWritten rows written to {@code assignments}; 0 when the same compute is repeated
 * @param changes            the assignments that differ from their latest version before this as-of,
 *                           sorted by property and user; the same list when the compute is repeated
 */
public record ResolveResult(long usersResolved, long assignmentsWritten, List<AssignmentChange> changes) {
  public ResolveResult {
    changes = List.copyOf(changes);
  }
}
