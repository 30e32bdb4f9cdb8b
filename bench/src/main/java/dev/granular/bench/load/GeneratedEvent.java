package dev.granular.bench.load;

import dev.granular.app.ingest.RejectReason;
import java.nio.charset.StandardCharsets;

/**
 * One generated {@code user-events} record.
 *
 * @param positionTimeMs the event time its place in the stream stands for; the payload's timestamp equals it
 *                       unless {@code late} (earlier by up to the maximum lateness) or a restatement (the original's)
 * @param json           the record value; for an INVALID record, the bytes the validator must reject
 * @param rejectReason   the reason the validator must give; null unless INVALID
 */
public record GeneratedEvent(String workspaceId, Kind kind, long positionTimeMs, boolean late, String json,
    RejectReason rejectReason) {

  public enum Kind {
    /** A new event. */
    FRESH,
    /** A recent event sent again, byte for byte (same messageId): a producer retry. */
    RESTATEMENT,
    /** The latest event's content under a new messageId and the current time: a page reload, a double click. */
    NEAR_DUPLICATE,
    /** A record the validator rejects with {@code rejectReason}. */
    INVALID
  }

  public boolean valid() {
    return kind != Kind.INVALID;
  }

  public byte[] bytes() {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
