package dev.granular.bench;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.StatementObserver;
import dev.granular.sink.client.StatementTags;
import dev.granular.sink.sql.Sql;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows read by a labelled set of statements, summed from {@code system.query_log}. The statements are sent by a
 * client whose settings carry {@link StatementTags#logged} (query ids {@code <label>-<n>} and {@code log_queries=1}),
 * since ClickHouse 18.16 sends no X-ClickHouse-Summary header and the shared server's configuration is not ours
 * to change. The SQL is what 18.16 and current releases share.
 */
final class QueryLog {
  /** Sums over a label's queries: rows and bytes read, rows written, server-side time; {@code expected}: sent. */
  record Logged(long queries, long readRows, long readBytes, long writtenRows, long durationMs, long expected) {}

  /** Counts the statements a client sent, so that {@link #logged} knows how many to wait for. */
  static final class Sent implements StatementObserver {
    private final AtomicLong statements = new AtomicLong();

    @Override
    public void onSuccess(Kind kind, long nanos) {
      statements.incrementAndGet();
    }

    @Override
    public void onError(Kind kind, long nanos, Throwable cause) {
      statements.incrementAndGet();
    }

    long count() {
      return statements.get();
    }
  }

  private QueryLog() {}

  /**
   * Flushes the log and sums the finished (or failed) statements with ids {@code label-N}, until {@code expected}
   * are there or the timeout passes. {@code direct} must not carry the label, or its own queries would count.
   */
  static Logged logged(ClickHouse direct, String label, long expected, Duration timeout) throws InterruptedException {
    String sql = "SELECT count(), sum(read_rows), sum(read_bytes), sum(written_rows), sum(query_duration_ms)"
        + " FROM system.query_log WHERE type != 1 AND query_id LIKE " + Sql.string(label + "-%");
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    String[] row;
    do {
      try {
        direct.execute("SYSTEM FLUSH LOGS");
      } catch (RuntimeException e) {
        Thread.sleep(1_000); // not every server version has it; the log flushes itself every 7.5 s
      }
      row = direct.rows(sql).get(0);
    } while (Long.parseLong(row[0]) < expected && System.currentTimeMillis() < deadline);
    return new Logged(Long.parseLong(row[0]), Long.parseLong(row[1]), Long.parseLong(row[2]), Long.parseLong(row[3]),
        Long.parseLong(row[4]), expected);
  }
}
