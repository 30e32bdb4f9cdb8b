package dev.granular.app.sink;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One gauge per input partition, registered the first time the partition is seen; partitions are few and fixed. */
final class PartitionGauges {
  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final Map<Integer, AtomicInteger> values = new ConcurrentHashMap<>();

  PartitionGauges(MeterRegistry registry, String name, String description) {
    this.registry = registry;
    this.name = name;
    this.description = description;
  }

  AtomicInteger of(int partition) {
    return values.computeIfAbsent(partition, p -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(name, value, AtomicInteger::get).description(description).tag("partition", Integer.toString(p)).register(registry);
      return value;
    });
  }

  int max() {
    return values.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }
}
