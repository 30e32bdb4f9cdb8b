package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compile.CanonicalJson;
import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.WorkspaceIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Resolves assignments at an explicit {@code now} from merged leaf states, writes the ones that changed into
 * {@code assignments} (versioned by as-of = now), and returns the changes: the diff against the latest
 * version strictly before now, so repeating a compute returns the same changes and writes nothing.
 *
 * <p>Who is resolved, within the scope's bucket: for a property the index reports changed (new, or a new
 * definition), every known user; for the others, users with an event in the window plus users whose
 * time-dependent predicates may have flipped since {@code window.fromExclusiveMs}, which must therefore be
 * no later than the previous compute's now (true for contiguous windows, as processing time never passes
 * the clock).
 */
public final class AssignmentResolver {
  private final Retrying clickHouse;
  private final WindowEvents events;
  private final TimeDependentUsers timeDependent;
  private final LeafStateReader states;
  private final AssignmentStore store;

  public AssignmentResolver(ClickHouse clickHouse, RetryPolicy retryPolicy) {
    this(new Retrying(clickHouse, retryPolicy));
  }

  AssignmentResolver(Retrying clickHouse) {
    this.clickHouse = clickHouse;
    this.events = new WindowEvents(clickHouse);
    this.timeDependent = new TimeDependentUsers(clickHouse);
    this.states = new LeafStateReader(clickHouse);
    this.store = new AssignmentStore(clickHouse);
  }

  /** Resolves and returns the changes sorted by property and user; for callers whose results are small. */
  public ResolveResult resolve(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs) {
    List<AssignmentChange> changes = new ArrayList<>();
    Counts counts = resolve(index, window, scope, nowMs, changes::add);
    changes.sort(AssignmentChange.BY_PROPERTY_AND_USER);
    return new ResolveResult(counts.usersResolved(), counts.assignmentsWritten(), changes);
  }

  /** What a streamed resolution did; its changes went to the caller as they were found. */
  public record Counts(long usersResolved, long assignmentsWritten, long changes) {}

  /**
   * Resolves and hands each change to {@code changes} as it is found, chunk by chunk (users sorted, properties
   * within a chunk in order). Memory stays bounded whatever the task's user count: the users to resolve are
   * streamed from ClickHouse into a {@link Spool}, and one chunk of users is resolved at a time.
   */
  public Counts resolve(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs,
      Consumer<AssignmentChange> changes) {
    return resolve(index, window, scope, nowMs, changes, Optional.empty());
  }

  /**
   * The same, given the users with an event in the window and the scope's bucket when the caller has just read
   * them (the state insert of the same window), so that they are not read from {@code user_events} again.
   */
  public Counts resolve(WorkspaceIndex index, ProcessingWindow window, ComputeScope scope, long nowMs,
      Consumer<AssignmentChange> changes, Optional<SortedSet<String>> windowUsers) {
    if (!scope.canResolve()) {
      throw new IllegalArgumentException("a scope restricted to leaves only inserts states; resolve by properties");
    }
    if (nowMs < window.toInclusiveMs()) {
      throw new IllegalArgumentException("now " + nowMs + " is before the end of window " + window);
    }
    String ws = index.workspaceId();
    Set<String> changed = new TreeSet<>(scope.properties(index));
    changed.retainAll(index.changedProperties());
    Set<String> steady = new TreeSet<>(scope.properties(index));
    steady.removeAll(changed);
    Totals totals = new Totals();
    if (!changed.isEmpty()) {
      String known = events.subjectsSql(ws, ProcessingWindow.upTo(window.toInclusiveMs()), scope.bucket());
      try (Spool<String> users = users(known)) {
        pass(index, changed, users, nowMs, changes, totals);
      }
    }
    if (!steady.isEmpty()) {
      String flipped = timeDependent.sql(index, CriteriaWalk.reachable(index, steady), window.fromExclusiveMs(), nowMs,
          scope.bucket()).orElse(null);
      if (windowUsers.isPresent()) {
        SortedSet<String> touched = windowUsers.get(); // an empty window's insert read nobody
        if (flipped == null) {
          pass(index, steady, touched, nowMs, changes, totals);
        } else {
          try (Spool<String> users = users(flipped)) {
            pass(index, steady, SortedUnion.of(users, touched), nowMs, changes, totals);
          }
        }
      } else {
        String touched = window.isEmpty() ? null : events.subjectsSql(ws, window, scope.bucket());
        String either = touched == null ? flipped : flipped == null ? touched : touched + " UNION ALL " + flipped;
        if (either != null) {
          try (Spool<String> users = users(either)) {
            pass(index, steady, users, nowMs, changes, totals);
          }
        }
      }
    }
    return new Counts(totals.users, totals.rows, totals.changes);
  }

  /** The distinct users of {@code sql} (one column, user_id), sorted, streamed into a spool. */
  private Spool<String> users(String sql) {
    Spool<String> users = new Spool<>(Spool.STRINGS, Spool.IN_MEMORY);
    clickHouse.spool("SELECT DISTINCT user_id FROM (" + sql + ") ORDER BY user_id", users);
    return users;
  }

  private void pass(WorkspaceIndex index, Set<String> properties, Iterable<String> users, long nowMs,
      Consumer<AssignmentChange> changes, Totals totals) {
    LeafNeeds needs = LeafNeeds.of(index, CriteriaWalk.reachable(index, properties), nowMs);
    UserChunks.forEach(users, UserChunks.maxUsers(properties.size()), chunk -> resolveTogether(List.of(new Share(index, properties, needs, chunk, nowMs, changes, totals))));
  }

  /**
   * One workspace's part of a resolution statement set: its users (one chunk's worth, or less), the properties
   * to resolve for them, the states those need, where its changes go and what it adds up to.
   */
  record Share(WorkspaceIndex index, Set<String> properties, LeafNeeds needs, List<String> users, long nowMs,
      Consumer<AssignmentChange> changes, Totals totals) {
    static Share of(WorkspaceIndex index, Set<String> properties, List<String> users, long nowMs,
        Consumer<AssignmentChange> changes, Totals totals) {
      return new Share(index, properties, LeafNeeds.of(index, CriteriaWalk.reachable(index, properties), nowMs), users,
          nowMs, changes, totals);
    }
  }

  /**
   * Resolves the shares (together at most a chunk of users) with one read per state family, one read of the stored
   * assignments and one write, whatever the number of shares: a batch of small tasks pays each statement once.
   */
  void resolveTogether(List<Share> shares) {
    List<LeafStates> read = states.read(shares.stream()
        .map(s -> new LeafStateReader.Request(s.index().workspaceId(), s.needs(), s.users(), s.nowMs())).toList());
    List<Map<String, Map<String, AssignmentStore.Stored>>> stored = store.read(shares.stream()
        .map(s -> new AssignmentStore.Lookup(s.index().workspaceId(), s.properties(), s.users(), s.nowMs())).toList());
    List<AssignmentStore.Row> rows = new ArrayList<>();
    int[] written = new int[shares.size()];
    for (int i = 0; i < shares.size(); i++) {
      int before = rows.size();
      decide(shares.get(i), new LeafView(shares.get(i).index(), read.get(i)), stored.get(i), rows);
      written[i] = rows.size() - before;
    }
    // Written before the next chunk is read: a crash part-way leaves versioned rows that a repeat finds equal.
    store.write(rows);
    for (int i = 0; i < shares.size(); i++) {
      shares.get(i).totals().users += shares.get(i).users().size();
      shares.get(i).totals().rows += written[i];
    }
  }

  /** One share's new values against what is stored: the rows to write, and its changes handed on. */
  private static void decide(Share share, LeafView view, Map<String, Map<String, AssignmentStore.Stored>> stored,
      List<AssignmentStore.Row> rows) {
    WorkspaceIndex index = share.index();
    SegmentTests segments = new SegmentTests(view, share.nowMs());
    PropertyValues values = new PropertyValues(view);
    for (String property : share.properties()) {
      String root = index.roots().get(property);
      boolean segment = isSegment(index.criteria().get(root));
      for (String user : share.users()) {
        String value = segment ? Boolean.toString(segments.member(root, user)) : text(values.value(root, user));
        AssignmentStore.Stored s = stored.getOrDefault(property, Map.of()).get(user);
        if (!effective(value, segment).equals(effective(s == null ? null : s.current(), segment))) {
          rows.add(new AssignmentStore.Row(index.workspaceId(), property, user, share.nowMs(), segment, value));
        }
        String before = effective(s == null ? null : s.before(), segment);
        if (!effective(value, segment).equals(before)) {
          share.changes().accept(new AssignmentChange(index.workspaceId(), property, segment, user,
              external(before, segment), external(effective(value, segment), segment), share.nowMs()));
          share.totals().changes++;
        }
      }
    }
  }

  /** Whether a root criterion is a segment's (boolean) rather than a user property's (value). */
  static boolean isSegment(Criterion root) {
    return switch (root.kind()) {
      case TRAIT, PERFORMED, LAST_PERFORMED, INCLUDES, EVERYONE, RANDOM_BUCKET, AND, OR, NEVER -> true;
      default -> false;
    };
  }

  private static String text(JsonNode value) {
    return value == null ? "" : CanonicalJson.write(value);
  }

  /** Never assigned reads as not a member / no value. */
  private static String effective(String stored, boolean segment) {
    return stored != null ? stored : segment ? "false" : "";
  }

  private static String external(String effective, boolean segment) {
    return !segment && effective.isEmpty() ? null : effective;
  }

  /** Running totals of one resolution. */
  static final class Totals {
    long users;
    long rows;
    long changes;
  }
}
