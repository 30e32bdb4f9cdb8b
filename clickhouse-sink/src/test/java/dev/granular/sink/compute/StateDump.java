package dev.granular.sink.compute;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/** Every merged leaf state of a workspace as sorted text, to compare states after different insert histories. */
final class StateDump {
  private StateDump() {
  }

  static List<String> of(ClickHouse clickHouse, String workspaceId) {
    String where = " WHERE workspace_id = " + Sql.string(workspaceId);
    List<String> lines = new ArrayList<>();
    clickHouse.rows("SELECT leaf_id, user_id, tupleElement(s, 1), tupleElement(s, 2), tupleElement(s, 3),"
        + " tupleElement(s, 4), tupleElement(s, 5) FROM (SELECT leaf_id, user_id, maxMerge(latest) AS s FROM "
        + clickHouse.table("leaf_latest") + where + " GROUP BY leaf_id, user_id) ORDER BY leaf_id, user_id")
        .forEach(r -> lines.add("latest " + String.join("|", r)));
    clickHouse.rows("SELECT leaf_id, user_id, bucket, uniqExactMerge(messages) FROM " + clickHouse.table("leaf_counts")
        + where + " GROUP BY leaf_id, user_id, bucket ORDER BY leaf_id, user_id, bucket")
        .forEach(r -> lines.add("count " + String.join("|", r)));
    clickHouse.rows("SELECT leaf_id, user_id, arraySort(groupUniqArrayMerge(entries)) FROM " + clickHouse.table("leaf_history")
        + where + " GROUP BY leaf_id, user_id ORDER BY leaf_id, user_id")
        .forEach(r -> lines.add("history " + String.join("|", r)));
    return lines;
  }
}
