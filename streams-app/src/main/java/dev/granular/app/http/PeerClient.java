package dev.granular.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.app.status.WorkspaceStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Calls another instance over HTTP, marked with {@link #FORWARDED} so it answers from its own state and never
 * calls on: a request crosses at most one hop. An instance that cannot be reached is a 503, never a hang.
 */
final class PeerClient {
  /** Request header: sent by an instance to a peer; the peer answers locally only. */
  static final String FORWARDED = "X-Granular-Forwarded";
  /** Response header: the instance whose state produced the answer. */
  static final String SERVED_BY = "X-Granular-Served-By";

  private final HttpClient client;
  private final Duration timeout;
  private final String self;

  PeerClient(HostInfo self, Duration connectTimeout, Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
    this.self = Instances.name(self);
  }

  /** Sends the same method and raw path+query to {@code peer} and relays its status, body and served-by. */
  Reply forward(HostInfo peer, String method, String rawPathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + Instances.name(peer) + rawPathAndQuery)).timeout(timeout)
        .header(FORWARDED, self).method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(Reply.JSON_TYPE), r.body(), Map.of());
      for (String name : new String[] {SERVED_BY, "Retry-After", "Allow"}) {
        String v = r.headers().firstValue(name).orElse(null);
        reply = v == null ? reply : reply.withHeader(name, v);
      }
      return reply;
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + Instances.name(peer) + " cannot be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while asking instance " + Instances.name(peer));
    }
  }

  /** A peer's JSON answer to a GET, or a 503 when it is unreachable or answers anything but 200. */
  JsonNode getJson(HostInfo peer, String path) {
    Reply r = forward(peer, "GET", path);
    if (r.status() != 200) {
      throw ApiError.unavailable("instance " + Instances.name(peer) + " answered " + r.status() + " to " + path);
    }
    try {
      return WorkspaceStatus.JSON.readTree(r.body());
    } catch (IOException e) {
      throw ApiError.unavailable("instance " + Instances.name(peer) + " sent unreadable JSON for " + path);
    }
  }
}
