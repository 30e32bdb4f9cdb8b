package dev.granular.app.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Compute-sink counters, per input partition: statements in flight now and at most, tasks done and failed. */
public final class SinkMetrics {
  private final MeterRegistry registry;
  private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
  private final Counter succeeded;
  private final Counter failed;

  public SinkMetrics(MeterRegistry registry) {
    this.registry = registry;
    succeeded = Counter.builder("granular.sink.tasks").tag("outcome", "success").register(registry);
    failed = Counter.builder("granular.sink.tasks").tag("outcome", "failure").register(registry);
  }

  /** Called as a task's ClickHouse work starts; returns the in-flight count including it. */
  int started(int partition) {
    int now = counter(inFlight, partition, "granular.sink.in_flight").incrementAndGet();
    counter(maxInFlight, partition, "granular.sink.in_flight.max").accumulateAndGet(now, Math::max);
    return now;
  }

  void finished(int partition, boolean success) {
    counter(inFlight, partition, "granular.sink.in_flight").decrementAndGet();
    (success ? succeeded : failed).increment();
  }

  /** The most statements ever in flight at once on this partition. */
  public int maxInFlight(int partition) {
    AtomicInteger max = maxInFlight.get(partition);
    return max == null ? 0 : max.get();
  }

  public int maxInFlightAnyPartition() {
    return maxInFlight.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }

  public double tasksFailed() {
    return failed.count();
  }

  public double tasksSucceeded() {
    return succeeded.count();
  }

  private AtomicInteger counter(Map<Integer, AtomicInteger> map, int partition, String name) {
    return map.computeIfAbsent(partition, p -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(name, value, AtomicInteger::get).tag("partition", Integer.toString(p)).register(registry);
      return value;
    });
  }
}
