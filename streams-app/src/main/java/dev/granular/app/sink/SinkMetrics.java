package dev.granular.app.sink;

import dev.granular.app.support.FailureCause;
import dev.granular.sink.client.ClickHouseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compute sink: tasks pending, running, succeeded and failed by priority; statements in flight per input
 * partition against the cap K; statements retried within a task. Pending and running are read from the open
 * {@link TaskSlots} at scrape time, so they cannot drift when a partition is revoked with tasks queued.
 */
public final class SinkMetrics {
  private final MeterRegistry registry;
  private final Set<TaskSlots> open = ConcurrentHashMap.newKeySet();
  private final PartitionGauges inFlight;
  private final PartitionGauges maxInFlight;
  private final AtomicInteger cap = new AtomicInteger();
  private final Map<Boolean, Counter> succeeded = new ConcurrentHashMap<>();
  private final Map<Boolean, Counter> failed = new ConcurrentHashMap<>();
  private final Map<FailureCause, Counter> retries = new EnumMap<>(FailureCause.class);
  private final Counter rerun;
  private final io.micrometer.core.instrument.DistributionSummary batchSize;
  private final Counter batchesFailed;

  public SinkMetrics(MeterRegistry registry) {
    this.registry = registry;
    inFlight = new PartitionGauges(registry, "granular.sink.in_flight", "compute statements running now on this input partition");
    maxInFlight = new PartitionGauges(registry, "granular.sink.in_flight.max", "most compute statements ever running at once on this input partition");
    Gauge.builder("granular.sink.concurrency.cap", cap, AtomicInteger::get)
        .description("K: the most compute statements one input partition may run at once").register(registry);
    for (boolean priority : new boolean[] {true, false}) {
      succeeded.put(priority, tasks("success", priority));
      failed.put(priority, tasks("failure", priority));
      gauge("granular.sink.tasks.pending", "compute tasks accepted and waiting for a slot", priority, s -> s.waiting(priority));
      gauge("granular.sink.tasks.running", "compute tasks running in a slot", priority, s -> s.running(priority));
    }
    rerun = Counter.builder("granular.sink.tasks.rerun")
        .description("tasks a previous owner of the partition accepted and never reported, run again here").register(registry);
    batchSize = io.micrometer.core.instrument.DistributionSummary.builder("granular.sink.batch.tasks")
        .description("small tasks of distinct workspaces run together in one slot, per batch").register(registry);
    batchesFailed = Counter.builder("granular.sink.batches.failed")
        .description("batches that failed and whose tasks then ran one at a time").register(registry);
    for (FailureCause cause : FailureCause.values()) {
      retries.put(cause, Counter.builder("granular.sink.statement.retries").tag("cause", cause.tag())
          .description("failed compute statements tried again within the task's attempt").register(registry));
    }
  }

  private Counter tasks(String outcome, boolean priority) {
    return Counter.builder("granular.sink.tasks").description("compute task attempts finished")
        .tag("outcome", outcome).tag("priority", Boolean.toString(priority)).register(registry);
  }

  private void gauge(String name, String description, boolean priority, java.util.function.ToIntFunction<TaskSlots> count) {
    Gauge.builder(name, open, slots -> slots.stream().mapToInt(count).sum()).description(description)
        .tag("priority", Boolean.toString(priority)).register(registry);
  }

  void opened(TaskSlots slots, int k) {
    open.add(slots);
    cap.set(k);
  }

  void closed(TaskSlots slots) {
    open.remove(slots);
  }

  /** Called as a task's ClickHouse work starts; returns the in-flight count including it. */
  int started(int partition) {
    int now = inFlight.of(partition).incrementAndGet();
    maxInFlight.of(partition).accumulateAndGet(now, Math::max);
    return now;
  }

  void finished(int partition, boolean priority, boolean success) {
    inFlight.of(partition).decrementAndGet();
    attempted(priority, success);
  }

  /** A task attempt that ended, whether or not it ran (one whose definitions do not compile fails at once). */
  void attempted(boolean priority, boolean success) {
    (success ? succeeded : failed).get(priority).increment();
  }

  /** A batch of {@code tasks} ended on this partition: its one slot's statements are no longer in flight. */
  void batchEnded(int partition, int tasks, boolean success) {
    inFlight.of(partition).decrementAndGet();
    batchSize.record(tasks);
    if (!success) {
      batchesFailed.increment();
    }
  }

  /** A task found in the outbox of a partition this instance took over: it runs again. */
  void rerun() {
    rerun.increment();
  }

  /** A {@link dev.granular.sink.client.RetryPolicy.Listener} for the compute engine's policy. */
  public void statementRetried(ClickHouseException failure) {
    retries.get(FailureCause.of(failure)).increment();
  }

  /** The most statements ever in flight at once on this partition. */
  public int maxInFlight(int partition) {
    return maxInFlight.of(partition).get();
  }

  public int maxInFlightAnyPartition() {
    return maxInFlight.max();
  }

  public double tasksFailed() {
    return failed.values().stream().mapToDouble(Counter::count).sum();
  }

  public double tasksSucceeded() {
    return succeeded.values().stream().mapToDouble(Counter::count).sum();
  }
}
