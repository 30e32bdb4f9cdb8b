package dev.granular.app.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the last `granular backfill` of an input topic asked for. Records below {@code replayBelow} (the group's
 * committed offsets when the backfill ran) were processed before: read again, they are kept only for the
 * selected workspaces, and invalid ones are not dead-lettered a second time. Records at or above it were never
 * processed and are kept whatever their workspace. Offsets cannot select workspaces, this fence does.
 *
 * @param workspaces the workspaces replayed; empty means all
 * @param replayBelow per partition, the first offset the application had not processed yet
 */
public record ReplayFence(String topic, List<String> workspaces, Map<Integer, Long> replayBelow, long fromMs, long requestedAtMs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ReplayFence {
    workspaces = List.copyOf(workspaces);
    replayBelow = Map.copyOf(replayBelow);
  }

  /** The record at this position was processed before the backfill. */
  public boolean replayed(int partition, long offset) {
    Long below = replayBelow.get(partition);
    return below != null && offset < below;
  }

  public boolean selects(String workspace) {
    return workspaces.isEmpty() || workspaces.contains(workspace);
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ReplayFence fromJson(byte[] json) {
    try {
      return JSON.readValue(json, ReplayFence.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable replay fence: " + e.getMessage(), e);
    }
  }

  public static Serde<ReplayFence> serde() {
    return Serdes.serdeFrom((topic, fence) -> fence == null ? null : fence.toJson(),
        (topic, bytes) -> bytes == null ? null : fromJson(bytes));
  }
}
