package dev.granular.app.metrics;

import static dev.granular.app.metrics.Scrapes.assertSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.ClickHouseException;
import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real ClickHouse client against a loopback HTTP server that answers like ClickHouse: statement time by
 * kind and outcome, errors by exception class, and insert retries by cause as the app wires them.
 */
class ClickHouseMetricsTest {
  private final GranularMetrics metrics = GranularMetrics.prometheus();
  private final AtomicInteger inserts = new AtomicInteger();
  private HttpServer server;

  private ClickHouse start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    return new ClickHouse(new ClickHouseSettings("http://127.0.0.1:" + server.getAddress().getPort(), "default", "", "db",
        Duration.ZERO, Duration.ofSeconds(10)), metrics.clickHouse());
  }

  /** The first insert times out on the server (code 159, retriable), the next succeeds; "boom" is a syntax error. */
  private void answer(HttpExchange exchange) throws IOException {
    String request = URLDecoder.decode(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
        StandardCharsets.UTF_8) + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (request.contains("boom")) {
      fail(exchange, 62, "Code: 62. DB::Exception: Syntax error: failed at position 1 (boom)");
    } else if (request.contains("INSERT") && inserts.incrementAndGet() == 1) {
      fail(exchange, 159, "Code: 159. DB::Exception: Timeout exceeded: elapsed 60.1 seconds");
    } else {
      exchange.getResponseHeaders().add("X-ClickHouse-Summary", "{\"read_rows\":\"0\",\"written_rows\":\"1\"}");
      byte[] body = "1\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }
  }

  private static void fail(HttpExchange exchange, int code, String message) throws IOException {
    exchange.getResponseHeaders().add("X-ClickHouse-Exception-Code", Integer.toString(code));
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(500, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void statementsAreTimedByKindAndOutcomeAndErrorsCountedByException() throws IOException {
    try (ClickHouse clickHouse = start()) {
      assertEquals(1, clickHouse.scalarLong("SELECT 1"));
      clickHouse.execute("CREATE TABLE t (x UInt8) ENGINE = Memory");
      assertThrows(ClickHouseException.class, () -> clickHouse.execute("boom"));
    }
    String scrape = metrics.scrape();
    assertSample(scrape, "granular_clickhouse_statement_seconds_count", "kind=\"query\",outcome=\"success\"", 1);
    assertSample(scrape, "granular_clickhouse_statement_seconds_count", "kind=\"command\",outcome=\"success\"", 1);
    assertSample(scrape, "granular_clickhouse_statement_seconds_count", "kind=\"command\",outcome=\"error\"", 1);
    assertSample(scrape, "granular_clickhouse_statement_seconds_count", "kind=\"insert\"", 0);
    assertSample(scrape, "granular_clickhouse_errors_total", "kind=\"command\",exception=\"ServerException\"", 1);
    assertSample(scrape, "granular_clickhouse_errors_total", "", 1);
  }

  @Test
  void anInsertRetriedAfterAServerTimeoutCountsOneTimeoutRetry() throws IOException {
    try (ClickHouse clickHouse = start()) {
      RetryPolicy policy = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30))
          .withListener(metrics.ingest()::insertRetried); // as GranularApp wires it
      new EventBatchWriter(clickHouse, policy).write(List.of(new StoredEvent("w", "m", "track", "u", null, "e", "{}", "{}", 1, 2)));
    }
    String scrape = metrics.scrape();
    assertSample(scrape, "granular_ingest_insert_retries_total", "cause=\"timeout\"", 1);
    assertSample(scrape, "granular_ingest_insert_retries_total", "cause=\"error\"", 0);
    assertSample(scrape, "granular_clickhouse_statement_seconds_count", "kind=\"insert\",outcome=\"error\"", 1);
    assertSample(scrape, "granular_clickhouse_statement_seconds_count", "kind=\"insert\",outcome=\"success\"", 1);
  }
}
