package dev.granular.bench;

import dev.granular.sink.client.ClickHouse;
import java.util.List;

/**
 * Counts stored events that arrived out of order: rows whose event time is earlier than that of a row the same
 * workspace received before them (an earlier processing time). Rows with equal processing times arrived
 * together and are not ordered among themselves. Counted on what ClickHouse holds, i.e. what the app saw; late
 * events and restatements of older events both count. Done in Java because ClickHouse 18.16 has no running
 * maximum over an ordered array.
 */
final class OutOfOrder {
  record Count(long outOfOrder, long rows) {}

  private OutOfOrder() {}

  static Count count(ClickHouse ch) {
    return count(ch.rows("SELECT workspace_id, processing_time_ms, event_time_ms FROM " + ch.table("user_events")
        + " ORDER BY workspace_id, processing_time_ms"));
  }

  /** @param rows (workspace, processing time, event time), ordered by workspace then processing time */
  static Count count(List<String[]> rows) {
    long late = 0;
    String workspace = null;
    long before = Long.MIN_VALUE; // latest event time among rows received strictly earlier
    long group = Long.MIN_VALUE; // latest event time among rows received at the current processing time
    long groupTime = Long.MIN_VALUE;
    for (String[] r : rows) {
      long processing = Long.parseLong(r[1]);
      long event = Long.parseLong(r[2]);
      if (!r[0].equals(workspace)) {
        workspace = r[0];
        before = Long.MIN_VALUE;
        group = Long.MIN_VALUE;
        groupTime = processing;
      } else if (processing != groupTime) {
        before = Math.max(before, group);
        group = Long.MIN_VALUE;
        groupTime = processing;
      }
      if (event < before) {
        late++;
      }
      group = Math.max(group, event);
    }
    return new Count(late, rows.size());
  }
}
