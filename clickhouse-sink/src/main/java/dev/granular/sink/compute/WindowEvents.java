package dev.granular.sink.compute;

import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Reads one workspace's events of a processing-time window, in a user bucket, from {@code user_events}. */
final class WindowEvents {
  private final Retrying clickHouse;

  WindowEvents(Retrying clickHouse) {
    this.clickHouse = clickHouse;
  }

  /**
   * Calls {@code page} with the window's events in pages of about {@code pageSize}, in (processing time,
   * messageId) order, so a window of any size (a backfill of all history) is never held at once. Repeated
   * rows of a message (not yet folded by ReplacingMergeTree) are skipped; copies received at different times
   * are not, as they are assumed to carry the same content and states ignore repeats (LEAVES.md).
   *
   * <p>Each query is bounded by a processing-time slice holding about one page. Keyset paging alone ("after
   * the last key, ORDER BY, LIMIT") made every page read the rest of the window, as ClickHouse 18.16 cannot
   * stop an ordered read early: a 10M-event backfill read billions of rows.
   *
   * <p>A window expected to fit in half a page ({@code expectedEvents}, the planner's count; negative when unknown)
   * skips the slicing and its count query, a statement of every small task: keyset pages alone read it, and still
   * read it all should the estimate be wrong.
   */
  void forEachPage(String workspaceId, ProcessingWindow window, UserBucket bucket, int pageSize, long expectedEvents,
      Consumer<List<StoredEvent>> page) {
    if (window.isEmpty()) {
      return;
    }
    String where = windowFrom(workspaceId, window, bucket);
    if (expectedEvents >= 0 && expectedEvents <= pageSize / 2) {
      pages(where, workspaceId, pageSize, page);
      return;
    }
    String[] span = clickHouse.rows("SELECT count(), min(processing_time_ms), max(processing_time_ms)" + where).get(0);
    long count = Long.parseLong(span[0]);
    if (count == 0) {
      return;
    }
    long first = Long.parseLong(span[1]);
    long last = Long.parseLong(span[2]);
    long step = TimeSlices.step(first, last, count, pageSize);
    long from = first;
    while (true) {
      long to = TimeSlices.end(from, step, last);
      pages(where + " AND processing_time_ms >= " + from + " AND processing_time_ms <= " + to, workspaceId, pageSize, page);
      if (to == last) {
        return;
      }
      from = to + 1;
    }
  }

  /** Keyset pages of one slice; a slice denser than the estimate takes more than one. */
  private void pages(String where, String workspaceId, int pageSize, Consumer<List<StoredEvent>> page) {
    String base = "SELECT message_id, type, user_id, anonymous_id, event, properties, traits, event_time_ms,"
        + " processing_time_ms" + where;
    String after = "";
    while (true) {
      List<String[]> rows = clickHouse.rows(base + after + " ORDER BY processing_time_ms, message_id LIMIT " + pageSize);
      List<StoredEvent> events = new ArrayList<>();
      String previous = null;
      for (String[] r : rows) {
        String key = r[8] + "|" + r[0];
        if (!key.equals(previous)) {
          events.add(new StoredEvent(workspaceId, r[0], r[1], blankToNull(r[2]), blankToNull(r[3]), blankToNull(r[4]),
              r[5], r[6], Long.parseLong(r[7]), Long.parseLong(r[8])));
        }
        previous = key;
      }
      if (!events.isEmpty()) {
        page.accept(events);
      }
      if (rows.size() < pageSize) {
        return;
      }
      String[] last = rows.get(rows.size() - 1);
      after = " AND (processing_time_ms > " + last[8] + " OR (processing_time_ms = " + last[8]
          + " AND message_id > " + Sql.string(last[0]) + "))";
    }
  }

  /** One workspace's window and bucket in a batched read. */
  record Scope(String workspaceId, ProcessingWindow window, UserBucket bucket) {}

  /**
   * The events of several workspaces' windows in one statement, in (workspace, processing time, messageId) order
   * and grouped by workspace; empty when there are {@code limit} or more, for the caller to read them window by
   * window instead. Meant for windows the planner counted as small: it is not paged.
   */
  Optional<Map<String, List<StoredEvent>>> batch(List<Scope> scopes, int limit) {
    Map<String, List<StoredEvent>> events = new HashMap<>();
    List<String> ors = new ArrayList<>();
    for (Scope s : scopes) {
      events.put(s.workspaceId(), new ArrayList<>());
      if (!s.window().isEmpty()) {
        ors.add("(workspace_id = " + Sql.string(s.workspaceId()) + " AND " + s.window().sql("processing_time_ms") + " AND "
            + s.bucket().sql("subject_id") + ")");
      }
    }
    if (ors.isEmpty()) {
      return Optional.of(events);
    }
    List<String[]> rows = clickHouse.rows("SELECT workspace_id, message_id, type, user_id, anonymous_id, event, properties,"
        + " traits, event_time_ms, processing_time_ms FROM " + clickHouse.table("user_events") + " WHERE "
        + String.join(" OR ", ors) + " ORDER BY workspace_id, processing_time_ms, message_id LIMIT " + limit);
    if (rows.size() >= limit) {
      return Optional.empty();
    }
    String previous = null;
    for (String[] r : rows) {
      String key = r[0] + "|" + r[9] + "|" + r[1];
      if (!key.equals(previous)) {
        events.get(r[0]).add(new StoredEvent(r[0], r[1], r[2], blankToNull(r[3]), blankToNull(r[4]), blankToNull(r[5]),
            r[6], r[7], Long.parseLong(r[8]), Long.parseLong(r[9])));
      }
      previous = key;
    }
    return Optional.of(events);
  }

  /** Users with any event received by {@code toInclusiveMs}: the population segments range over. */
  Set<String> knownUsers(String workspaceId, long toInclusiveMs, UserBucket bucket) {
    return distinctSubjects(workspaceId, ProcessingWindow.upTo(toInclusiveMs), bucket);
  }

  /**
   * A query of the users with an event in the window (in the bucket), one column {@code user_id}, unordered and
   * possibly repeated: to be combined and streamed rather than held.
   */
  String subjectsSql(String workspaceId, ProcessingWindow window, UserBucket bucket) {
    return "SELECT subject_id AS user_id" + windowFrom(workspaceId, window, bucket);
  }

  /** FROM and WHERE of the workspace's events in the window and bucket: what every read here selects from. */
  private String windowFrom(String workspaceId, ProcessingWindow window, UserBucket bucket) {
    return " FROM " + clickHouse.table("user_events") + " WHERE workspace_id = " + Sql.string(workspaceId) + " AND "
        + window.sql("processing_time_ms") + " AND " + bucket.sql("subject_id");
  }

  private Set<String> distinctSubjects(String workspaceId, ProcessingWindow window, UserBucket bucket) {
    Set<String> users = new HashSet<>();
    for (String[] r : clickHouse.rows("SELECT DISTINCT subject_id" + windowFrom(workspaceId, window, bucket))) {
      users.add(r[0]);
    }
    return users;
  }

  private static String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
