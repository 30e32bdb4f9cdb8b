package dev.granular.app.ingest;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Per workspace: the smallest processing time the next event may get, and the running count of durable
 * events. Kept in a changelogged store, so processing time never moves backwards, even across restarts.
 */
public record WorkspaceClock(long nextProcessingTimeMs, long durableTotal) {
  static final WorkspaceClock START = new WorkspaceClock(0, 0);

  /** Processing time for an event received at {@code nowMs}: never before the floor. */
  long assign(long nowMs) {
    return Math.max(nowMs, nextProcessingTimeMs);
  }

  WorkspaceClock afterAssign(long processingTimeMs) {
    return processingTimeMs == nextProcessingTimeMs ? this : new WorkspaceClock(processingTimeMs, durableTotal);
  }

  /** Once events up to {@code watermarkMs} are published as durable, later events must sort after it. */
  WorkspaceClock afterDurable(long events, long watermarkMs) {
    return new WorkspaceClock(Math.max(nextProcessingTimeMs, watermarkMs + 1), durableTotal + events);
  }

  public static Serde<WorkspaceClock> serde() {
    Serializer<WorkspaceClock> ser = (topic, c) -> c == null ? null
        : ByteBuffer.allocate(16).putLong(c.nextProcessingTimeMs).putLong(c.durableTotal).array();
    Deserializer<WorkspaceClock> de = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      return new WorkspaceClock(buf.getLong(), buf.getLong());
    };
    return Serdes.serdeFrom(ser, de);
  }
}
