package dev.granular.bench;

import dev.granular.fixtures.PrometheusText;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads the app process's own counters from its GET /metrics, instead of searching its log. */
public final class AppMetrics {
  private AppMetrics() {}

  /** A port free now, for the app's HTTP server; the app binds it a moment later, a race we accept on loopback. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The app's metrics now, or empty (with the reason printed) when they could not be read. */
  static Optional<PrometheusText> scrape(int port) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        System.err.println("bench: GET /metrics on port " + port + " answered " + response.statusCode());
        return Optional.empty();
      }
      return Optional.of(PrometheusText.parse(response.body()));
    } catch (IOException | RuntimeException e) {
      System.err.println("bench: could not read the app's metrics on port " + port + ": " + e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
