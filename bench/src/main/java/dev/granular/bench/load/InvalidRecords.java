package dev.granular.bench.load;

import dev.granular.app.feed.SampleEvents;
import dev.granular.app.ingest.RejectReason;
import java.util.List;
import java.util.Locale;

/**
 * A workspace's invalid records, cycling through every kind {@link SampleEvents#invalid} builds except
 * {@code empty_payload}: an empty value cannot be a line of a JSON-lines file, and the file output must
 * replay exactly what the topic output sends.
 */
final class InvalidRecords {
  private final SampleEvents samples;
  private final String workspaceId;
  private final int maxFieldLength;
  private final int maxPayloadBytes;
  private int next;

  InvalidRecords(LoadConfig config, int workspace) {
    this.samples = new SampleEvents(config.seed(), config.runId() + "-w" + workspace, config.startTimeMs());
    this.workspaceId = config.workspaceId(workspace);
    this.maxFieldLength = config.maxFieldLength();
    this.maxPayloadBytes = config.maxPayloadBytes();
  }

  /** The next kind's record, with the reason the validator must give. */
  GeneratedEvent next(long positionTimeMs) {
    // Built on demand rather than cached: invalid records are rare, and one kind is maxPayloadBytes long.
    List<String[]> kinds = samples.invalid(workspaceId, maxFieldLength, maxPayloadBytes).stream()
        .filter(kind -> !kind[0].equals(RejectReason.EMPTY_PAYLOAD.code())).toList();
    String[] kind = kinds.get(next++ % kinds.size());
    RejectReason reason = RejectReason.valueOf(kind[0].toUpperCase(Locale.ROOT));
    return new GeneratedEvent(workspaceId, GeneratedEvent.Kind.INVALID, positionTimeMs, false, kind[1], reason);
  }
}
