package dev.granular.sink.compute;

import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads merged leaf states (-Merge) of batches of users from the three state tables: one statement per family
 * whatever the number of workspaces asked, each workspace's part a subquery of a UNION ALL tagged with its
 * position, so that a batch of small tasks pays a statement's fixed cost once.
 */
final class LeafStateReader {
  /** One workspace's users and the states they need, at {@code nowMs}. */
  record Request(String workspaceId, LeafNeeds needs, Collection<String> users, long nowMs) {}

  private final Retrying clickHouse;

  LeafStateReader(Retrying clickHouse) {
    this.clickHouse = clickHouse;
  }

  LeafStates read(String workspaceId, LeafNeeds needs, Collection<String> users, long nowMs) {
    return read(List.of(new Request(workspaceId, needs, users, nowMs))).get(0);
  }

  /** The states of each request, in the requests' order. */
  List<LeafStates> read(List<Request> requests) {
    List<LeafStates> states = new ArrayList<>();
    requests.forEach(r -> states.add(new LeafStates()));
    String latest = union(requests, r -> r.needs().latest().isEmpty() ? null
        : "leaf_id, user_id, maxMerge(latest) AS s FROM " + clickHouse.table("leaf_latest") + where(r) + " AND leaf_id IN ("
            + ids(r.needs().latest()) + ") GROUP BY leaf_id, user_id");
    if (latest != null) {
      for (String[] r : clickHouse.rows("SELECT share, leaf_id, user_id, tupleElement(s, 1), tupleElement(s, 2),"
          + " tupleElement(s, 3), tupleElement(s, 4), tupleElement(s, 5) FROM (" + latest + ")")) {
        states.get(Integer.parseInt(r[0])).putLatest(Integer.parseInt(r[1]), r[2],
            new LeafStates.Latest(Long.parseLong(r[3]), r[4], r[5], r[6], Long.parseLong(r[7])));
      }
    }
    String counts = union(requests, r -> {
      List<String> leaves = new ArrayList<>();
      if (!r.needs().counts().isEmpty()) {
        leaves.add("leaf_id IN (" + ids(r.needs().counts()) + ")");
      }
      r.needs().windowedFrom().forEach((leaf, from) -> leaves.add("(leaf_id = " + leaf + " AND bucket >= " + from
          + " AND bucket <= " + Math.max(0, r.nowMs()) + ")"));
      return leaves.isEmpty() ? null : "leaf_id, user_id, bucket, uniqExactMerge(messages) FROM "
          + clickHouse.table("leaf_counts") + where(r) + " AND (" + String.join(" OR ", leaves) + ")"
          + " GROUP BY leaf_id, user_id, bucket";
    });
    if (counts != null) {
      for (String[] r : clickHouse.rows(counts)) {
        states.get(Integer.parseInt(r[0])).putCount(Integer.parseInt(r[1]), r[2], Long.parseLong(r[3]), Long.parseLong(r[4]));
      }
    }
    String history = union(requests, r -> r.needs().history().isEmpty() ? null
        : "leaf_id, user_id, groupUniqArrayMerge(entries) AS es FROM " + clickHouse.table("leaf_history") + where(r)
            + " AND leaf_id IN (" + ids(r.needs().history()) + ") GROUP BY leaf_id, user_id");
    if (history != null) {
      for (String[] r : clickHouse.rows("SELECT share, leaf_id, user_id, tupleElement(e, 1), tupleElement(e, 2),"
          + " tupleElement(e, 3) FROM (" + history + ") ARRAY JOIN es AS e")) {
        states.get(Integer.parseInt(r[0])).addEntry(Integer.parseInt(r[1]), r[2],
            new LeafStates.Entry(Long.parseLong(r[3]), r[4], r[5]));
      }
    }
    return states;
  }

  /**
   * {@code SELECT toUInt32(i) AS share, <part>} for every request with users and a part, joined by UNION ALL;
   * null when none has one.
   */
  static <R> String union(List<R> requests, Function<R, String> part, Function<R, Boolean> hasUsers) {
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String sql = hasUsers.apply(requests.get(i)) ? part.apply(requests.get(i)) : null;
      if (sql != null) {
        selects.add("SELECT toUInt32(" + i + ") AS share, " + sql);
      }
    }
    return selects.isEmpty() ? null : String.join(" UNION ALL ", selects);
  }

  private static String union(List<Request> requests, Function<Request, String> part) {
    return union(requests, part, r -> !r.users().isEmpty());
  }

  private static String where(Request r) {
    return " WHERE workspace_id = " + Sql.string(r.workspaceId()) + " AND user_id IN (" + literals(r.users()) + ")";
  }

  static String literals(Collection<String> values) {
    return values.stream().map(Sql::string).collect(Collectors.joining(", "));
  }

  private static String ids(Set<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
