package dev.granular.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of ClickHouse that adds {@code log_queries=1} and a labelled query id to every
 * request, so that the rows a compute read can be summed from {@code system.query_log}. ClickHouse 18.16 sends
 * no X-ClickHouse-Summary header, and the app's client sets no per-query settings, so this is the way to get
 * rows read without touching the app or the shared server's configuration.
 */
public final class QueryLogProxy implements AutoCloseable {
  /** Sums over a label's queries: rows and bytes read, rows written, server-side time. */
  public record Logged(long queries, long readRows, long readBytes, long writtenRows, long durationMs, long expected) {}

  private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
      "transfer-encoding", "keep-alive");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "bench-query-log-proxy");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final Map<String, AtomicLong> forwarded = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile String label = "unlabelled";

  private QueryLogProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  public static QueryLogProxy start(String clickHouseUrl) throws IOException {
    return new QueryLogProxy(URI.create(clickHouseUrl.endsWith("/") ? clickHouseUrl : clickHouseUrl + "/"));
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queries from now on carry ids {@code label-N}; use letters, digits and '-' only. */
  public void label(String next) {
    this.label = next;
  }

  private void forward(HttpExchange exchange) throws IOException {
    String current = label;
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      StringBuilder params = new StringBuilder();
      if (query != null) {
        for (String p : query.split("&")) {
          if (!p.startsWith("query_id=") && !p.startsWith("log_queries=") && !p.isEmpty()) {
            params.append(p).append('&');
          }
        }
      }
      params.append("log_queries=1&query_id=").append(current).append('-').append(sequence.incrementAndGet());
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().getRawPath().substring(1)
          + "?" + params)).method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
          .timeout(Duration.ofMinutes(10));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      forwarded.computeIfAbsent(current, k -> new AtomicLong()).incrementAndGet();
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      exchange.sendResponseHeaders(response.statusCode(), 0);
      try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding to ClickHouse", e);
    }
  }

  /**
   * Waits until every forwarded query of {@code label} is in system.query_log (it is flushed every few
   * seconds), then sums them. {@code direct} must not go through this proxy, or its own queries would be logged.
   */
  public Logged logged(ClickHouse direct, String forLabel, Duration timeout) throws InterruptedException {
    long expected = forwarded.getOrDefault(forLabel, new AtomicLong()).get();
    String sql = "SELECT count(), sum(read_rows), sum(read_bytes), sum(written_rows), sum(query_duration_ms)"
        + " FROM system.query_log WHERE type != 1 AND query_id LIKE " + Sql.string(forLabel + "-%");
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    String[] row;
    do {
      try {
        direct.execute("SYSTEM FLUSH LOGS");
      } catch (RuntimeException e) {
        Thread.sleep(1_000); // not every server version has it; the log flushes itself every 7.5 s
      }
      row = direct.rows(sql).get(0);
    } while (Long.parseLong(row[0]) < expected && System.currentTimeMillis() < deadline);
    return new Logged(Long.parseLong(row[0]), Long.parseLong(row[1]), Long.parseLong(row[2]), Long.parseLong(row[3]),
        Long.parseLong(row[4]), expected);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
