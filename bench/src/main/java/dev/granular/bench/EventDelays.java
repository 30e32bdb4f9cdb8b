package dev.granular.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.client.ClickHouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each small-workspace event sent in a measured period, from its send time to the finish of the first plan that
 * covered it (results visible in ClickHouse), computed in ClickHouse and returned as a histogram. An event is
 * covered by a plan whose window end (processing time) is at or after the event's; a restated event counts once,
 * at its first arrival. An event no plan had covered by the time of observation counts with its age then plus
 * 1 ms, a lower bound (it was not visible then, so its delay is strictly longer). Events are chosen by event time in the period, which is their send time; late events mostly fall
 * outside it. ClickHouse 18.16 has neither ASOF joins nor window functions, so the plans go into a table of the
 * scenario's own database and are joined by workspace.
 */
final class EventDelays {
  /** {@code count} events whose delay was {@code delayMs}; {@code censored}: not yet covered, a lower bound. */
  record Bucket(long delayMs, boolean censored, long count) {}

  private static final String TABLE = "p6_plans";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventDelays() {}

  /** @param plans completed plans of the small workspaces, with their finish; {@code observedAtMs} when they were read */
  static List<Bucket> of(ClickHouse ch, List<PlanFollower.Completed> plans, String whaleId, long fromMs, long untilMs,
      long observedAtMs) {
    ch.execute("DROP TABLE IF EXISTS " + ch.table(TABLE));
    ch.execute("CREATE TABLE " + ch.table(TABLE) + " (workspace_id String, hi UInt64, finish UInt64) ENGINE = Memory");
    if (!plans.isEmpty()) {
      ch.insertJsonEachRow(TABLE, rows(plans));
    }
    List<Bucket> out = new ArrayList<>();
    ch.forEachRow("SELECT delay, censored, count() FROM (SELECT workspace_id, message_id, any(et) AS sent,"
        + " minIf(finish, hi >= pt) AS done, done = 0 AS censored,"
        + " greatest(toInt64(if(censored, " + (observedAtMs + 1) + ", done)) - toInt64(sent), 0) AS delay"
        + " FROM (SELECT workspace_id, message_id, min(processing_time_ms) AS pt, min(event_time_ms) AS et FROM "
        + ch.table("user_events") + " WHERE workspace_id != '" + whaleId.replace("'", "") + "' AND event_time_ms >= "
        + fromMs + " AND event_time_ms <= " + untilMs + " GROUP BY workspace_id, message_id)"
        + " ALL LEFT JOIN " + ch.table(TABLE) + " USING workspace_id GROUP BY workspace_id, message_id)"
        + " GROUP BY delay, censored",
        r -> out.add(new Bucket(Long.parseLong(r[0]), r[1].equals("1"), Long.parseLong(r[2]))));
    return out;
  }

  private static byte[] rows(List<PlanFollower.Completed> plans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (PlanFollower.Completed p : plans) {
        out.write(JSON.writeValueAsBytes(Map.of("workspace_id", p.workspaceId(), "hi", p.toMs(), "finish",
            p.finishedAtMs())));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
