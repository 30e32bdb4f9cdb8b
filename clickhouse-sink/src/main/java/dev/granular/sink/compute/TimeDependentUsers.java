package dev.granular.sink.compute;

import dev.granular.sink.compile.Criterion;
import dev.granular.sink.compile.CriterionKind;
import dev.granular.sink.compile.LeafKind;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.Operator;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users whose time-dependent predicates may have flipped between {@code sinceMs} and {@code nowMs} with no
 * new event: a windowed count whose window gained or lost an event time, a Within trait time that left the
 * window, a HasBeen run start that crossed its threshold. Each test is a superset, found from the time index
 * {@code leaf_times} by key range, so no user whose result changed is missed. (AbsoluteTimestamp does not depend on
 * now.)
 */
final class TimeDependentUsers {
  private final Retrying clickHouse;

  TimeDependentUsers(Retrying clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** The query of those users, one column {@code user_id}, possibly repeated; empty when no test applies. */
  Optional<String> sql(WorkspaceIndex index, List<Criterion> criteria, long sinceMs, long nowMs, UserBucket bucket) {
    if (nowMs <= sinceMs) {
      return Optional.empty();
    }
    List<String> queries = new ArrayList<>();
    String where = " FROM " + clickHouse.table("leaf_times") + " WHERE workspace_id = " + Sql.string(index.workspaceId())
        + " AND " + bucket.sql("user_id");
    LeafView leaves = new LeafView(index, new LeafStates());
    for (Criterion c : criteria) {
      if (c.kind() == CriterionKind.PERFORMED && LeafNeeds.withinMs(c) > 0) {
        long w = LeafNeeds.withinMs(c);
        // An event time entered [t - w, t] in (since, now], or left it: in [since - w, now - w).
        List<String> ranges = new ArrayList<>();
        range(since(sinceMs + 1), nowMs, ranges);
        range(since(sinceMs - w), nowMs - w - 1, ranges);
        if (!ranges.isEmpty()) {
          queries.add("SELECT DISTINCT user_id" + where + " AND leaf_id = " + leaves.leaf(c, LeafKind.PERFORMED_TIMES)
              + " AND (" + String.join(" OR ", ranges) + ")");
        }
      } else if (c.kind() == CriterionKind.TRAIT) {
        Operator op = SpecReader.operator(c.spec().get("operator"));
        if (op instanceof Operator.Within within) {
          long w = within.windowMs(); // member while time >= t - w: leaves when time is in [since - w, now - w)
          queries.add("SELECT DISTINCT user_id" + where + " AND leaf_id = " + leaves.leaf(c, LeafKind.TRAIT_LAST)
              + " AND time_ms >= " + (sinceMs - w) + " AND time_ms < " + (nowMs - w));
        } else if (op instanceof Operator.HasBeen hasBeen) {
          long w = hasBeen.windowMs(); // flips when the run start is in (since - w, now - w]; any entry there
          queries.add("SELECT DISTINCT user_id" + where + " AND leaf_id = " + leaves.leaf(c, LeafKind.TRAIT_HISTORY)
              + " AND time_ms > " + (sinceMs - w) + " AND time_ms <= " + (nowMs - w));
        }
      }
    }
    return queries.isEmpty() ? Optional.empty() : Optional.of(String.join(" UNION ALL ", queries));
  }

  private static long since(long ms) {
    return Math.max(0, ms);
  }

  /** An event time in [low, high]; nothing when empty. */
  private static void range(long low, long high, List<String> out) {
    if (high >= low) {
      out.add("(time_ms >= " + low + " AND time_ms <= " + high + ")");
    }
  }
}
