package dev.granular.app.ingest;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Per workspace: the smallest processing time the next event may get, the running count of events published
 * as durable, and the count of events received. Kept in a changelogged store (under exactly-once, in the same
 * transaction as the input offsets), so processing time never moves backwards across restarts, and events
 * made durable by a commit whose progress record never went out (the instance died, or its task moved) are
 * still announced by the next owner ({@link #unpublished}).
 */
public record WorkspaceClock(long nextProcessingTimeMs, long durableTotal, long receivedTotal) {
  static final WorkspaceClock START = new WorkspaceClock(0, 0, 0);

  /** Processing time for an event received at {@code nowMs}: never before the floor. */
  long assign(long nowMs) {
    return Math.max(nowMs, nextProcessingTimeMs);
  }

  WorkspaceClock afterAssign(long processingTimeMs) {
    return new WorkspaceClock(processingTimeMs, durableTotal, receivedTotal + 1);
  }

  /** Once events up to {@code watermarkMs} are published as durable, later events must sort after it. */
  WorkspaceClock afterDurable(long events, long watermarkMs) {
    return new WorkspaceClock(Math.max(nextProcessingTimeMs, watermarkMs + 1), durableTotal + events, receivedTotal);
  }

  /** Received (and, with nothing buffered, durable) but never published: a new owner announces them. */
  long unpublished() {
    return receivedTotal - durableTotal;
  }

  /** Every event received so far has a processing time at or below this. */
  long lastProcessingTimeMs() {
    return nextProcessingTimeMs;
  }

  public static Serde<WorkspaceClock> serde() {
    Serializer<WorkspaceClock> ser = (topic, c) -> c == null ? null
        : ByteBuffer.allocate(24).putLong(c.nextProcessingTimeMs).putLong(c.durableTotal).putLong(c.receivedTotal).array();
    Deserializer<WorkspaceClock> de = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long next = buf.getLong();
      long durable = buf.getLong();
      // Written before the received count existed (16 bytes): everything received had been published.
      return new WorkspaceClock(next, durable, buf.remaining() >= 8 ? buf.getLong() : durable);
    };
    return Serdes.serdeFrom(ser, de);
  }
}
