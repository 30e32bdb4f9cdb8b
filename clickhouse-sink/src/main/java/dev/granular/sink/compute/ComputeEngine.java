package dev.granular.sink.compute;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compile.WorkspaceIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The compute facade a planner task calls. {@link #compute} does one part of a workspace's work in one
 * call: backfill the scope's new leaves, insert the window's states, resolve. A staged plan instead runs
 * {@link #backfillNewLeaves} and {@link #insertStates} parts first and {@link #resolve} parts after all of
 * them (COMPUTE.md). Every call is a pure function of (index, window, scope, now) over the stored events,
 * so any of them can be repeated.
 */
public final class ComputeEngine {
  private final StateInsert stateInsert;
  private final AssignmentResolver resolver;
  private final ComputeBatch batch;

  public ComputeEngine(ClickHouse clickHouse, RetryPolicy retryPolicy) {
    Retrying retrying = new Retrying(clickHouse, retryPolicy);
    this.stateInsert = new StateInsert(retrying, StateInsert.PAGE_EVENTS);
    this.resolver = new AssignmentResolver(retrying);
    this.batch = new ComputeBatch(retrying, stateInsert, resolver);
  }

  /** One task of a batch: what {@link #compute} takes, and where its changes go as they are found. */
  public record Task(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs, long expectedEvents,
      Consumer<AssignmentChange> changes) {}

  /**
   * Whether a task may run in a {@link #compute(List) batch}: its window was counted small (at most 2,000 events), and
   * it has no new leaf to backfill and no changed property to resolve for every user.
   */
  public static boolean batchable(WorkspaceIndex index, ComputeScope scope, long expectedEvents) {
    return ComputeBatch.fits(index, scope, expectedEvents);
  }

  /**
   * Computes {@link #batchable} tasks of distinct workspaces together, with the results and changes each would have
   * alone, in the tasks' order. Like {@link #compute}, safe to repeat. If it throws, some tasks' changes may already
   * have been handed on: a caller that retries discards them first.
   */
  public List<ComputeResult> compute(List<Task> tasks) {
    return batch.compute(tasks);
  }

  /**
   * Backfills, inserts and resolves the scope for the window at {@code nowMs}; the scope must be resolvable
   * (not restricted to leaves) and {@code nowMs} no earlier than the window's end.
   */
  public ComputeResult compute(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs) {
    List<AssignmentChange> changes = new ArrayList<>();
    ComputeResult result = compute(index, window, scope, nowMs, changes::add);
    changes.sort(AssignmentChange.BY_PROPERTY_AND_USER);
    return result.withChanges(changes);
  }

  /**
   * The same, handing each change to {@code changes} as it is found, in memory bounded whatever the scope's user
   * count (the result's own change list is then empty; {@link ComputeResult#changeCount} counts them).
   */
  public ComputeResult compute(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs,
      Consumer<AssignmentChange> changes) {
    return compute(index, window, scope, nowMs, StateInsert.UNKNOWN_EVENTS, changes);
  }

  /** The same, told how many events the planner counted in the window (only how they are read depends on it). */
  public ComputeResult compute(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs,
      long expectedEvents, Consumer<AssignmentChange> changes) {
    if (!scope.canResolve()) {
      throw new IllegalArgumentException("compute needs a scope of properties; use insertStates for leaf scopes");
    }
    if (nowMs < window.toInclusiveMs()) {
      throw new IllegalArgumentException("now " + nowMs + " is before the end of window " + window);
    }
    Set<String> fresh = newLeaves(index, scope);
    long backfilled = backfillNewLeaves(index, scope, window.toInclusiveMs());
    Set<String> steady = new TreeSet<>(scope.leaves(index));
    steady.removeAll(fresh); // the backfill already covered the window for new leaves
    StateInsert.Result inserted = stateInsert.insert(index, window, scope.withLeaves(steady), expectedEvents);
    // The window's users were just read by the insert (when few enough to keep): resolve them without a re-read.
    AssignmentResolver.Counts resolved = resolver.resolve(index, window, scope, nowMs, changes, inserted.subjects());
    return new ComputeResult(index.workspaceId(), window, scope, nowMs, inserted.events(), inserted.rows(), backfilled,
        resolved.usersResolved(), resolved.assignmentsWritten(), List.of(), resolved.changes());
  }

  /** Stage 1: the scope's leaves that are new in the index, from all events received by {@code toInclusiveMs}. */
  public long backfillNewLeaves(WorkspaceIndex index, ComputeScope scope, long toInclusiveMs) {
    Set<String> fresh = newLeaves(index, scope);
    return fresh.isEmpty() ? 0
        : stateInsert.insert(index, ProcessingWindow.upTo(toInclusiveMs), scope.withLeaves(fresh)).rows();
  }

  /** Stage 1: the window's states for the scope's leaves (windows may be split into sub-windows). */
  public StateInsert.Result insertStates(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope) {
    return stateInsert.insert(index, window, scope);
  }

  /** Stage 2, after every stage-1 part of the window: resolve the scope at {@code nowMs}. */
  public ResolveResult resolve(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs) {
    return resolver.resolve(index, window, scope, nowMs);
  }

  private static Set<String> newLeaves(WorkspaceIndex index, ComputeScope scope) {
    Set<String> fresh = new TreeSet<>(scope.leaves(index));
    fresh.retainAll(index.newLeaves());
    return fresh;
  }
}
