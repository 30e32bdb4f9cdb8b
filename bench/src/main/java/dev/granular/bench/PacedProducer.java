package dev.granular.bench;

import dev.granular.bench.load.GeneratedEvent;
import dev.granular.bench.load.LoadSink;
import dev.granular.bench.load.ZipfTraffic;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends P6's traffic at an offered rate until a deadline, on a {@link Pacer} schedule: it sends whatever is due,
 * then parks until the next record is due, and checks the deadline at least every {@value #BURST} records so a
 * burst after a stall (a full producer buffer) cannot run past it. Each record is stamped when it is made, which
 * is when it is handed to the producer.
 */
final class PacedProducer {
  private static final int BURST = 1_000;
  private final ZipfTraffic traffic;
  private final String whaleId;

  /** Records handed to the producer, and how many of them are new small-workspace events stamped on time. */
  record Sent(long records, long onTimeSmall) {}

  PacedProducer(ZipfTraffic traffic, String whaleId) {
    this.traffic = traffic;
    this.whaleId = whaleId;
  }

  /** @param deadlineNanos System.nanoTime at which to stop */
  Sent run(LoadSink sink, Pacer pacer, long deadlineNanos) throws IOException {
    long start = System.nanoTime();
    long sent = 0;
    long onTimeSmall = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= deadlineNanos) {
        return new Sent(sent, onTimeSmall);
      }
      long due = Math.min(pacer.due(now - start), sent + BURST);
      if (due <= sent) {
        long next = start + (long) Math.ceil((sent + 1) * 1e9 / pacer.ratePerSecond());
        LockSupport.parkNanos(Math.min(next, deadlineNanos) - now);
        continue;
      }
      for (; sent < due; sent++) {
        GeneratedEvent e = traffic.next(System.currentTimeMillis());
        sink.event(e);
        onTimeSmall += onTimeSmall(e) ? 1 : 0;
      }
    }
  }

  /** A new event (not invalid, not a restatement of an older one, not late) of a small workspace. */
  private boolean onTimeSmall(GeneratedEvent e) {
    boolean fresh = e.kind() == GeneratedEvent.Kind.FRESH || e.kind() == GeneratedEvent.Kind.NEAR_DUPLICATE;
    return fresh && !e.late() && !e.workspaceId().equals(whaleId);
  }
}
