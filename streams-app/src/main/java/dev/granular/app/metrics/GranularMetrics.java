package dev.granular.app.metrics;

import dev.granular.app.ingest.RejectReason;
import dev.granular.app.ingest.IngestMetrics;
import dev.granular.app.dlq.DeadLetterMetrics;
import dev.granular.app.planner.PlannerMetrics;
import dev.granular.app.sink.SinkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Every metric group of one instance, on one registry; {@link #scrape()} renders it for Prometheus. */
public record GranularMetrics(MeterRegistry registry, IngestMetrics ingest, PlannerMetrics planner, SinkMetrics sink,
    DeadLetterMetrics deadLetters, ClickHouseMetrics clickHouse) {
  public static GranularMetrics on(MeterRegistry registry) {
    DeadLetterMetrics deadLetters = new DeadLetterMetrics(registry, RejectReason.codes());
    return new GranularMetrics(registry, new IngestMetrics(registry, deadLetters), new PlannerMetrics(registry, deadLetters),
        new SinkMetrics(registry), deadLetters, new ClickHouseMetrics(registry));
  }

  /** A fresh Prometheus-backed set: what `granular run` serves on GET /metrics. */
  public static GranularMetrics prometheus() {
    return on(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public static GranularMetrics inMemory() {
    return on(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  /** The Prometheus text exposition of every meter (format 0.0.4). */
  public String scrape() {
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      return prometheus.scrape();
    }
    throw new IllegalStateException("metrics registry is not Prometheus-backed: " + registry.getClass().getName());
  }
}
