package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.sink.client.ClickHouseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring: the app process gets a known free port, and the bench reads its counters from GET /metrics there. */
class AppMetricsTest {
  @Test
  void theAppsConfigFileNamesAConcreteFreePort(@TempDir Path dir) throws Exception {
    BenchEnv env = BenchEnv.create(AppConfig.load(null, Map.of()), dir, "t", Map.of()); // not closed: it would touch the services
    int port = env.config().http().port();
    assertTrue(port > 0, "port " + port);
    assertTrue(Files.readString(env.writeConfigFile()).contains("granular.http.port = \"" + port + "\""));
  }

  @Test
  void countersAreReadFromTheMetricsEndpointAndAnUnreachableOneIsNotMeasured() throws Exception {
    GranularMetrics metrics = GranularMetrics.prometheus();
    metrics.sink().statementRetried(new ClickHouseException("reset", null, true));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8); // what the app's endpoint serves
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      Retries read = AppMetrics.scrape(server.getAddress().getPort()).flatMap(Retries::from).orElseThrow();
      assertEquals(new Retries(0, 1, 0, 0), read);
    } finally {
      server.stop(0);
    }
    assertTrue(AppMetrics.scrape(AppMetrics.freePort()).isEmpty(), "nothing listens there");
  }
}
