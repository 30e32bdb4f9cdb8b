package dev.granular.app.it;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.sql.Sql;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ClickHouse's own view of what runs: samples {@code system.processes} from a thread of its own and keeps the most
 * statements on one database seen running at once. Independent of the app's counters, which live inside the pool
 * whose size they would measure. The ingest writer's inserts ({@code INSERT INTO db.t FORMAT ...}) and this
 * query itself are left out, so what it counts is compute.
 */
final class RunningStatements implements AutoCloseable {
  private final ClickHouse clickHouse;
  private final String sql;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "it-running-statements");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicLong samples = new AtomicLong();
  private final java.util.concurrent.ConcurrentSkipListMap<Integer, Long> seen = new java.util.concurrent.ConcurrentSkipListMap<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  /** Starts sampling at once, back to back (a sample takes a few ms), until closed. */
  RunningStatements(ClickHouseSettings settings) {
    this.clickHouse = new ClickHouse(settings);
    this.sql = "SELECT count() FROM system.processes WHERE query LIKE " + Sql.string("%" + Sql.identifier(settings.database()) + ".%")
        + " AND query NOT LIKE '%system.processes%' AND query NOT LIKE 'INSERT INTO % FORMAT %'";
    sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    try {
      int running = (int) clickHouse.scalarLong(sql);
      peak.accumulateAndGet(running, Math::max);
      samples.incrementAndGet();
      seen.merge(running, 1L, Long::sum);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      throw e; // ends the sampling: a peak from a sampler that stopped would be a guess
    }
  }

  /** The most seen at once so far; throws if sampling failed. */
  int peak() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw new IllegalStateException("sampling system.processes failed", e);
    }
    return peak.get();
  }

  @Override
  public String toString() {
    return "peak " + peak.get() + " over " + samples.get() + " samples of system.processes (samples by statements running: " + seen + ")";
  }

  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    sampler.awaitTermination(10, TimeUnit.SECONDS);
    clickHouse.close();
  }
}
