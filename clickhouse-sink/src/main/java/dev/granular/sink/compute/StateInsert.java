package dev.granular.sink.compute;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compile.Leaf;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.events.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Inserts the leaf states of one window's events: reads the window from {@code user_events}, computes each
 * in-scope leaf's input rows in Java ({@link LeafInputs}) and inserts them, so that the AggregatingMergeTree
 * states merge. Every state is an idempotent, order-free aggregate, so repeating a window, overlapping
 * windows and any arrival order give the same states.
 */
public final class StateInsert {
  /** Read and insert in slices, so a large window (a backfill of all history) is never held at once. */
  static final int PAGE_EVENTS = 20_000;
  /**
   * Most distinct users of a window kept for the resolution that follows: up to this many, it need not read the
   * window's users from {@code user_events} again (the costliest statement of a small task); beyond, it does.
   */
  static final int SUBJECTS_KEPT = 20_000;
  /** Input rows are inserted whenever they reach this size, so a task's memory does not grow with its window. */
  static final long FLUSH_BYTES = 8L << 20;
  public static final long UNKNOWN_EVENTS = -1;

  private final Retrying clickHouse;
  private final WindowEvents windowEvents;
  private final int pageEvents;

  public StateInsert(ClickHouse clickHouse, RetryPolicy retryPolicy) {
    this(new Retrying(clickHouse, retryPolicy), PAGE_EVENTS);
  }

  StateInsert(Retrying clickHouse, int pageEvents) {
    this.clickHouse = clickHouse;
    this.windowEvents = new WindowEvents(clickHouse);
    this.pageEvents = pageEvents;
  }

  /**
   * @param events   events read in the scope's bucket (each stored copy of a message once)
   * @param rows     leaf input rows inserted
   * @param subjects the distinct users of those events, sorted; empty when there were more than {@link #SUBJECTS_KEPT}
   */
  public record Result(long events, long rows, Optional<SortedSet<String>> subjects) {}

  public Result insert(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope) {
    return insert(index, window, scope, UNKNOWN_EVENTS);
  }

  /** @param expectedEvents the planner's count of the window's events, or {@link #UNKNOWN_EVENTS} */
  public Result insert(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long expectedEvents) {
    Set<String> leaves = scope.leaves(index);
    LeafInputRows rows = new LeafInputRows(index.workspaceId());
    long[] totals = new long[2]; // events read, rows inserted (updated inside the page callback)
    Subjects subjects = new Subjects();
    windowEvents.forEachPage(index.workspaceId(), window, scope.bucket(), pageEvents, expectedEvents, page -> {
      for (StoredEvent event : page) {
        subjects.add(event.subjectId());
        add(index, leaves, event, rows);
        if (rows.bytes() > FLUSH_BYTES) {
          totals[1] += rows.flush(clickHouse);
        }
      }
      totals[0] += page.size();
    });
    totals[1] += rows.flush(clickHouse);
    return new Result(totals[0], totals[1], Optional.ofNullable(subjects.kept));
  }

  /** The input rows of one event for the leaves in {@code leaves} that it affects. */
  static void add(WorkspaceIndex index, Set<String> leaves, StoredEvent event, LeafInputRows rows) {
    List<Leaf> affected = index.leavesAffectedBy(event.type(), event.event()).stream()
        .filter(leaf -> leaves.contains(leaf.id())).toList();
    if (!affected.isEmpty()) {
      ParsedEvent parsed = ParsedEvent.of(event);
      affected.forEach(leaf -> LeafInputs.add(leaf, index.leafIds().get(leaf.id()), parsed, rows));
    }
  }

  /** The window's distinct users while there are few enough to keep. */
  private static final class Subjects {
    SortedSet<String> kept = new TreeSet<>(SortedUnion.ORDER); // ClickHouse's order, as the spool of users

    void add(String subject) {
      if (kept != null && kept.add(subject) && kept.size() > SUBJECTS_KEPT) {
        kept = null;
      }
    }
  }
}
