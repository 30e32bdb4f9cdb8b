package dev.granular.sink.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client against a loopback HTTP server that answers like ClickHouse and keeps each request's URL
 * parameters: tagged settings put a fresh {@code <prefix>-<n>} query id and the server settings on every
 * statement, queries and inserts alike; untagged ones (the app's) put neither.
 */
class StatementTagsTest {
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    exchange.getRequestBody().readAllBytes();
    requests.add(params); // before answering, so the call has returned only after this
    exchange.getResponseHeaders().add("X-ClickHouse-Summary", "{\"read_rows\":\"0\",\"written_rows\":\"1\"}");
    byte[] body = "1\n".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private ClickHouseSettings settings() {
    return new ClickHouseSettings("http://127.0.0.1:" + server.getAddress().getPort(), "default", "", "db",
        Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  @Test
  void everyStatementCarriesAFreshIdUnderThePrefixAndTheServerSettings() {
    try (ClickHouse clickHouse = new ClickHouse(settings().withTags(StatementTags.logged("p3-ab12-tick")))) {
      assertEquals(1, clickHouse.scalarLong("SELECT 1"));
      clickHouse.execute("CREATE TABLE t (x UInt8) ENGINE = Memory");
      clickHouse.insertJsonEachRow("t", "{\"x\":1}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(3, requests.size());
    for (int i = 0; i < 3; i++) {
      assertEquals("p3-ab12-tick-" + (i + 1), requests.get(i).get("query_id"), "request " + i + ": " + requests.get(i));
      assertEquals("1", requests.get(i).get("log_queries"), "request " + i + ": " + requests.get(i));
      assertEquals("30", requests.get(i).get("max_execution_time"), "the client's own settings stay: " + requests.get(i));
    }
  }

  @Test
  void untaggedSettingsSendNoQueryIdAndNoLogQueries() {
    try (ClickHouse clickHouse = new ClickHouse(settings())) {
      clickHouse.scalarLong("SELECT 1");
      clickHouse.insertJsonEachRow("t", "{\"x\":1}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(2, requests.size());
    for (Map<String, String> params : requests) {
      assertFalse(params.containsKey("query_id"), params.toString());
      assertFalse(params.containsKey("log_queries"), params.toString());
    }
  }

  @Test
  void tagsSurviveAChangeOfDatabase() {
    assertEquals(StatementTags.logged("x"), settings().withTags(StatementTags.logged("x")).withDatabase("other").tags());
  }

  @Test
  void aPrefixThatCouldActAsALikePatternIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> StatementTags.logged("p3_tick"));
    assertThrows(IllegalArgumentException.class, () -> StatementTags.logged("p3%"));
    assertThrows(IllegalArgumentException.class, () -> StatementTags.logged(""));
  }
}
