package dev.granular.sink.compute;

import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Small tasks of different workspaces computed together, each exactly as {@link ComputeEngine#compute} would
 * alone, but with one set of statements: one read of their windows, one insert per state family, one query of
 * their time-dependent users, and per chunk of users one read per state family, one of the stored assignments and
 * one write. Why: a small task's statements each cost ClickHouse a fixed amount (parsing, planning, a new part and
 * its merges) far above their rows, so with many workspaces that fixed cost, not the data, bounded how many stayed
 * fresh. A batch pays it once.
 */
final class ComputeBatch {
  /** The largest planner-counted window a task may bring to a batch. */
  static final long MAX_TASK_EVENTS = 2_000;
  /**
   * Most planner-counted events one statement set reads: a batch over this is run as several, in order. Why: the
   * window's rows are held in memory, twice (as read and as events), in each of the K slots of every partition at
   * once; at 20,000 events a slot (make bench-full, P1) the 256 MB heap ran out.
   */
  static final long MAX_GROUP_EVENTS = MAX_TASK_EVENTS;
  /** A group reading this many event rows is read and computed task by task instead (the counts were off). */
  static final int MAX_EVENTS = (int) (2 * MAX_GROUP_EVENTS);

  private final WindowEvents events;
  private final TimeDependentUsers timeDependent;
  private final Retrying clickHouse;
  private final StateInsert single;
  private final AssignmentResolver resolver;
  private final int maxEvents;
  private final long maxRowBytes;

  ComputeBatch(Retrying clickHouse, StateInsert single, AssignmentResolver resolver) {
    this(clickHouse, single, resolver, MAX_EVENTS);
  }

  ComputeBatch(Retrying clickHouse, StateInsert single, AssignmentResolver resolver, int maxEvents) {
    this(clickHouse, single, resolver, maxEvents, StateInsert.FLUSH_BYTES);
  }

  /** @param maxRowBytes input rows buffered before they are inserted (tests make it tiny) */
  ComputeBatch(Retrying clickHouse, StateInsert single, AssignmentResolver resolver, int maxEvents, long maxRowBytes) {
    this.maxEvents = maxEvents;
    this.maxRowBytes = maxRowBytes;
    this.clickHouse = clickHouse;
    this.events = new WindowEvents(clickHouse);
    this.timeDependent = new TimeDependentUsers(clickHouse);
    this.single = single;
    this.resolver = resolver;
  }

  /** Whether a task may join a batch: small, and with no new leaf to backfill or changed property to resolve for all. */
  static boolean fits(WorkspaceIndex index, ComputeScope scope, long expectedEvents) {
    return scope.canResolve() && expectedEvents >= 0 && expectedEvents <= MAX_TASK_EVENTS
        && Collections.disjoint(scope.leaves(index), index.newLeaves())
        && Collections.disjoint(scope.properties(index), index.changedProperties());
  }

  List<ComputeResult> compute(List<ComputeEngine.Task> tasks) {
    Set<String> workspaces = new HashSet<>();
    for (ComputeEngine.Task t : tasks) {
      if (!fits(t.index(), t.scope(), t.expectedEvents()) || !workspaces.add(t.index().workspaceId())) {
        throw new IllegalArgumentException("a batch takes small tasks of distinct workspaces; not " + t.index().workspaceId());
      }
      if (t.nowMs() < t.window().toInclusiveMs()) {
        throw new IllegalArgumentException("now " + t.nowMs() + " is before the end of window " + t.window());
      }
    }
    List<ComputeResult> results = new ArrayList<>();
    for (List<ComputeEngine.Task> group : groups(tasks, ComputeEngine.Task::expectedEvents, MAX_GROUP_EVENTS)) {
      results.addAll(computeGroup(group));
    }
    return results;
  }

  /** Consecutive groups whose weights add up to at most {@code budget}; an item over it alone. */
  static <T> List<List<T>> groups(List<T> items, java.util.function.ToLongFunction<T> weight, long budget) {
    List<List<T>> groups = new ArrayList<>();
    GreedyChunks.forEach(items, Integer.MAX_VALUE, weight, budget, groups::add);
    return groups;
  }

  private List<ComputeResult> computeGroup(List<ComputeEngine.Task> tasks) {
    Optional<Map<String, List<StoredEvent>>> read = events.batch(tasks.stream()
        .map(t -> new WindowEvents.Scope(t.index().workspaceId(), t.window(), t.scope().bucket())).toList(), maxEvents);
    if (read.isEmpty()) {
      return tasks.stream().map(this::alone).toList();
    }
    LeafInputRows rows = new LeafInputRows("");
    long[] stateRows = new long[tasks.size()];
    long before = 0;
    long flushed = 0;
    List<SortedSet<String>> users = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      ComputeEngine.Task t = tasks.get(i);
      SortedSet<String> touched = new TreeSet<>(SortedUnion.ORDER);
      Set<String> leaves = t.scope().leaves(t.index());

      rows.workspace(t.index().workspaceId());
      for (StoredEvent event : read.get().get(t.index().workspaceId())) {
        touched.add(event.subjectId());
        StateInsert.add(t.index(), leaves, event, rows);
        if (rows.bytes() > maxRowBytes) {
          flushed += rows.flush(clickHouse); // a batch's rows grow with its tasks x events x leaves: bounded as alone
        }
      }
      stateRows[i] = flushed + rows.rows() - before;
      before = rows.rows();
      flushed = 0;
      users.add(touched);
    }
    rows.flush(clickHouse);
    addTimeDependent(tasks, users);
    List<AssignmentResolver.Totals> totals = resolve(tasks, users);
    List<ComputeResult> results = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      ComputeEngine.Task t = tasks.get(i);
      AssignmentResolver.Totals done = totals.get(i);
      results.add(new ComputeResult(t.index().workspaceId(), t.window(), t.scope(), t.nowMs(),
          read.get().get(t.index().workspaceId()).size(), stateRows[i], 0, done.users, done.rows, List.of(), done.changes));
    }
    return results;
  }

  /** Adds each task's users whose time-dependent predicates may have flipped, from one query for all. */
  private void addTimeDependent(List<ComputeEngine.Task> tasks, List<SortedSet<String>> users) {
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      ComputeEngine.Task t = tasks.get(i);
      Set<String> properties = t.scope().properties(t.index());
      int share = i;
      timeDependent.sql(t.index(), CriteriaWalk.reachable(t.index(), properties), t.window().fromExclusiveMs(), t.nowMs(),
          t.scope().bucket()).ifPresent(sql -> selects.add("SELECT toUInt32(" + share + ") AS share, user_id FROM (" + sql + ")"));
    }
    if (!selects.isEmpty()) {
      for (String[] r : clickHouse.rows("SELECT DISTINCT share, user_id FROM (" + String.join(" UNION ALL ", selects) + ")")) {
        users.get(Integer.parseInt(r[0])).add(r[1]);
      }
    }
  }

  /** Resolves the tasks' users, as many tasks per statement set as fit a chunk; a task larger than a chunk alone. */
  private List<AssignmentResolver.Totals> resolve(List<ComputeEngine.Task> tasks, List<SortedSet<String>> users) {
    List<AssignmentResolver.Totals> totals = new ArrayList<>();
    List<AssignmentResolver.Share> chunk = new ArrayList<>();
    int[] size = new int[3]; // users, bytes, users x properties in the chunk
    for (int i = 0; i < tasks.size(); i++) {
      ComputeEngine.Task t = tasks.get(i);
      AssignmentResolver.Totals total = new AssignmentResolver.Totals();
      totals.add(total);
      int bytes = users.get(i).stream().mapToInt(UserChunks::bytes).sum();
      if (users.get(i).isEmpty()) {
        continue;
      }
      int properties = t.scope().properties(t.index()).size();
      if (users.get(i).size() > UserChunks.maxUsers(properties) || bytes > UserChunks.MAX_BYTES) {
        AssignmentResolver.Counts alone = resolver.resolve(t.index(), t.window(), t.scope(), t.nowMs(), t.changes(),
            Optional.of(users.get(i)));
        total.users = alone.usersResolved();
        total.rows = alone.assignmentsWritten();
        total.changes = alone.changes();
        continue;
      }
      int cells = users.get(i).size() * Math.max(1, properties);
      if (size[0] + users.get(i).size() > UserChunks.MAX_USERS || size[1] + bytes > UserChunks.MAX_BYTES
          || size[2] + cells > UserChunks.MAX_CELLS) {
        resolver.resolveTogether(chunk);
        chunk = new ArrayList<>();
        java.util.Arrays.fill(size, 0);
      }
      chunk.add(AssignmentResolver.Share.of(t.index(), t.scope().properties(t.index()), List.copyOf(users.get(i)),
          t.nowMs(), t.changes(), total));
      size[0] += users.get(i).size();
      size[1] += bytes;
      size[2] += cells;
    }
    if (!chunk.isEmpty()) {
      resolver.resolveTogether(chunk);
    }
    return totals;
  }

  /** One task the way {@link ComputeEngine#compute} runs it; it has no new leaf, so no backfill. */
  private ComputeResult alone(ComputeEngine.Task t) {
    StateInsert.Result inserted = single.insert(t.index(), t.window(), t.scope(), t.expectedEvents());
    AssignmentResolver.Counts resolved = resolver.resolve(t.index(), t.window(), t.scope(), t.nowMs(), t.changes(),
        inserted.subjects());
    return new ComputeResult(t.index().workspaceId(), t.window(), t.scope(), t.nowMs(), inserted.events(), inserted.rows(),
        0, resolved.usersResolved(), resolved.assignmentsWritten(), List.of(), resolved.changes());
  }
}
