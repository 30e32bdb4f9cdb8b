package dev.granular.app.metrics;

import dev.granular.app.planner.PlannerMetrics;
import dev.granular.app.sink.SinkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Every metric group of one instance, on one registry. */
public record GranularMetrics(MeterRegistry registry, IngestMetrics ingest, PlannerMetrics planner, SinkMetrics sink) {
  public static GranularMetrics on(MeterRegistry registry) {
    return new GranularMetrics(registry, new IngestMetrics(registry), new PlannerMetrics(registry), new SinkMetrics(registry));
  }

  public static GranularMetrics inMemory() {
    return on(new SimpleMeterRegistry());
  }
}
