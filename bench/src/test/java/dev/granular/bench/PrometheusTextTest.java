package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.metrics.GranularMetrics;
import dev.granular.fixtures.PrometheusText;
import dev.granular.sink.client.ClickHouseException;
import io.micrometer.core.instrument.Counter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The bench's reader of GET /metrics, on real scrapes of a PrometheusMeterRegistry carrying the app's meters. */
class PrometheusTextTest {
  private final GranularMetrics metrics = GranularMetrics.prometheus();

  @Test
  void retriesAreReadBackFromTheAppsCountersByCause() {
    ClickHouseException timeout = new ClickHouseException("timed out: INSERT", new TimeoutException(), true);
    ClickHouseException reset = new ClickHouseException("Connection reset", null, true);
    metrics.ingest().insertRetried(timeout);
    metrics.ingest().insertRetried(timeout);
    metrics.ingest().insertRetried(reset);
    metrics.sink().statementRetried(new ClickHouseException("Code: 159. DB::Exception: Timeout exceeded", null, true));
    metrics.sink().statementRetried(new ClickHouseException("Code: 241. DB::Exception: Memory limit (for query) exceeded", null, true));
    Retries retries = Retries.from(PrometheusText.parse(metrics.scrape())).orElseThrow();
    assertEquals(new Retries(3, 2, 3, 1), retries);
    assertEquals("5 (3 inserts, 2 statements; 3 timeouts, 1 over the memory limit)", Retries.describe(Optional.of(retries)));
  }

  @Test
  void aScrapeWithoutTheCountersIsNotMeasuredRatherThanZero() {
    PrometheusText other = PrometheusText.parse("# HELP up up\n# TYPE up gauge\nup 1.0\n");
    assertTrue(Retries.from(other).isEmpty());
    assertEquals("not measured", Retries.describe(Retries.from(other)));
  }

  @Test
  void labelValuesAreUnescapedAndInfinitiesAndNaNRead() {
    Counter.builder("granular.test.odd").tag("text", "a \"quoted\" \\ back\nslash").register(metrics.registry()).increment(2);
    metrics.clickHouse().onSuccess(dev.granular.sink.client.StatementObserver.Kind.QUERY, 5_000_000);
    PrometheusText text = PrometheusText.parse(metrics.scrape() + "odd_gauge{a=\"b\"} NaN 1700000000000\nneg -Inf\n");
    assertEquals(2.0, text.sum("granular_test_odd_total", Map.of("text", "a \"quoted\" \\ back\nslash")).orElseThrow());
    assertEquals(1.0, text.sum("granular_clickhouse_statement_seconds_bucket",
        Map.of("kind", "query", "outcome", "success", "le", "+Inf")).orElseThrow());
    assertEquals(0.005, text.sum("granular_clickhouse_statement_seconds_sum", Map.of("kind", "query", "outcome", "success"))
        .orElseThrow(), 1e-12);
    assertTrue(Double.isNaN(text.sum("odd_gauge", Map.of("a", "b")).orElseThrow()));
    assertEquals(Double.NEGATIVE_INFINITY, text.sum("neg", Map.of()).orElseThrow());
    assertTrue(text.sum("granular_clickhouse_statement_seconds_count", Map.of("kind", "nope")).isEmpty());
  }
}
