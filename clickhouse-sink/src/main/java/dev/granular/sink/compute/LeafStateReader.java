package dev.granular.sink.compute;

import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads merged leaf states (-Merge) of a batch of users from the three state tables. */
final class LeafStateReader {
  private final Retrying clickHouse;

  LeafStateReader(Retrying clickHouse) {
    this.clickHouse = clickHouse;
  }

  LeafStates read(String workspaceId, LeafNeeds needs, Collection<String> users, long nowMs) {
    LeafStates states = new LeafStates();
    if (users.isEmpty()) {
      return states;
    }
    String where = " WHERE workspace_id = " + Sql.string(workspaceId) + " AND user_id IN (" + literals(users) + ")";
    if (!needs.latest().isEmpty()) {
      for (String[] r : clickHouse.rows("SELECT leaf_id, user_id, tupleElement(s, 1), tupleElement(s, 2),"
          + " tupleElement(s, 3), tupleElement(s, 4), tupleElement(s, 5) FROM (SELECT leaf_id, user_id,"
          + " maxMerge(latest) AS s FROM " + clickHouse.table("leaf_latest") + where + " AND leaf_id IN ("
          + ids(needs.latest()) + ") GROUP BY leaf_id, user_id)")) {
        states.putLatest(Integer.parseInt(r[0]), r[1],
            new LeafStates.Latest(Long.parseLong(r[2]), r[3], r[4], r[5], Long.parseLong(r[6])));
      }
    }
    List<String> countLeaves = new ArrayList<>();
    if (!needs.counts().isEmpty()) {
      countLeaves.add("leaf_id IN (" + ids(needs.counts()) + ")");
    }
    needs.windowedFrom().forEach((leaf, from) ->
        countLeaves.add("(leaf_id = " + leaf + " AND bucket >= " + from + " AND bucket <= " + Math.max(0, nowMs) + ")"));
    if (!countLeaves.isEmpty()) {
      for (String[] r : clickHouse.rows("SELECT leaf_id, user_id, bucket, uniqExactMerge(messages) FROM "
          + clickHouse.table("leaf_counts") + where + " AND (" + String.join(" OR ", countLeaves) + ")"
          + " GROUP BY leaf_id, user_id, bucket")) {
        states.putCount(Integer.parseInt(r[0]), r[1], Long.parseLong(r[2]), Long.parseLong(r[3]));
      }
    }
    if (!needs.history().isEmpty()) {
      for (String[] r : clickHouse.rows("SELECT leaf_id, user_id, tupleElement(e, 1), tupleElement(e, 2),"
          + " tupleElement(e, 3) FROM (SELECT leaf_id, user_id, groupUniqArrayMerge(entries) AS es FROM "
          + clickHouse.table("leaf_history") + where + " AND leaf_id IN (" + ids(needs.history()) + ")"
          + " GROUP BY leaf_id, user_id) ARRAY JOIN es AS e")) {
        states.addEntry(Integer.parseInt(r[0]), r[1], new LeafStates.Entry(Long.parseLong(r[2]), r[3], r[4]));
      }
    }
    return states;
  }

  static String literals(Collection<String> values) {
    return values.stream().map(Sql::string).collect(Collectors.joining(", "));
  }

  private static String ids(Set<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
