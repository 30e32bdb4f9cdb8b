package dev.granular.bench;

import dev.granular.fixtures.PrometheusText;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * ClickHouse calls retried inside one attempt, as the app counted them (granular_ingest_insert_retries_total
 * and granular_sink_statement_retries_total, each by cause).
 *
 * @param inserts    ingest inserts retried
 * @param statements compute statements retried within a task
 * @param timeouts   of both, the ones a timeout failed
 * @param memory     of both, the ones the memory limit failed
 */
record Retries(long inserts, long statements, long timeouts, long memory) {
  static final String INSERTS = "granular_ingest_insert_retries_total";
  static final String STATEMENTS = "granular_sink_statement_retries_total";

  long total() {
    return inserts + statements;
  }

  /** Empty when the scrape lacks either counter: "not measured", never a silent zero. */
  static Optional<Retries> from(PrometheusText metrics) {
    OptionalDouble inserts = metrics.sum(INSERTS, Map.of());
    OptionalDouble statements = metrics.sum(STATEMENTS, Map.of());
    if (inserts.isEmpty() || statements.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> timeout = Map.of("cause", "timeout");
    long timeouts = Math.round(metrics.sum(INSERTS, timeout).orElse(0) + metrics.sum(STATEMENTS, timeout).orElse(0));
    Map<String, String> memory = Map.of("cause", "memory");
    long memoryFailures = Math.round(metrics.sum(INSERTS, memory).orElse(0) + metrics.sum(STATEMENTS, memory).orElse(0));
    return Optional.of(new Retries(Math.round(inserts.getAsDouble()), Math.round(statements.getAsDouble()), timeouts,
        memoryFailures));
  }

  /** For a figure's note. */
  static String describe(Optional<Retries> retries) {
    return retries.map(r -> r.total() + " (" + r.inserts() + " inserts, " + r.statements() + " statements; " + r.timeouts()
        + " timeouts, " + r.memory() + " over the memory limit)").orElse("not measured");
  }
}
