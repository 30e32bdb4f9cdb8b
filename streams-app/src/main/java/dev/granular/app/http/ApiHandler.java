package dev.granular.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.granular.app.metrics.GranularMetrics;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: parse it into a {@link Route}, answer it here or on the workspace's owner, and turn any
 * refusal or failure into the JSON error shape. A handler exception never reaches the server thread.
 */
record ApiHandler(Routes routes, KafkaStreams streams, KafkaStreams ingest, HostInfo self, GranularMetrics metrics, ClusterView cluster,
    WorkspaceAnswers answers, PeerClient peers) implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
  static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      reply = answer(exchange);
    } catch (ApiError e) {
      reply = Reply.error(e);
    } catch (InvalidStateStoreException e) {
      reply = Reply.error(ApiError.unavailable("stores not ready: " + e.getMessage()));
    } catch (RuntimeException e) {
      log.warn("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      reply = Reply.error(ApiError.internal(e));
    }
    send(exchange, reply.headers().containsKey(PeerClient.SERVED_BY) ? reply : reply.withHeader(PeerClient.SERVED_BY, Instances.name(self)));
  }

  private Reply answer(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    var uri = exchange.getRequestURI();
    boolean forwarded = exchange.getRequestHeaders().containsKey(PeerClient.FORWARDED);
    Route route = routes.parse(method, uri.getRawPath(), uri.getRawQuery());
    // Java 17 has no pattern switch: one instanceof per variant of the sealed Route, the last one a bug.
    if (route instanceof Route.Page) {
      return Reply.text(200, "text/html; charset=utf-8", StatusPage.html());
    } else if (route instanceof Route.Metrics) {
      return Reply.text(200, PROMETHEUS_TYPE, metrics.scrape());
    } else if (route instanceof Route.Health) {
      return Reply.json(200, Reply.object().put("live", true).put("state", streams.state().name())
          .put("ingestState", ingest.state().name()));
    } else if (route instanceof Route.Ready) {
      return ready();
    } else if (route instanceof Route.Status) {
      return Reply.json(200, cluster.status(forwarded));
    } else if (route instanceof Route.Overview) {
      return Reply.json(200, cluster.overview(forwarded));
    } else if (route instanceof Route.ForWorkspace w) {
      Owner owner = Owner.of(streams, self, w.workspace());
      if (owner instanceof Owner.Here) {
        return answers.answer(w);
      }
      Owner.Peer peer = (Owner.Peer) owner;
      if (forwarded) {
        // Never a second hop: the sender's view of the owner was stale; it and the client retry.
        throw ApiError.unavailable("workspace " + w.workspace() + " moved to " + Instances.name(peer.host())
            + " while the request was forwarded");
      }
      return peers.forward(peer.host(), method, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
    throw new IllegalStateException("unhandled route " + route);
  }

  /** Ready when both clients run: the planner and sink's (stores restored) and ingest's. */
  private Reply ready() {
    KafkaStreams.State state = streams.state();
    KafkaStreams.State ingesting = ingest.state();
    if (state == KafkaStreams.State.RUNNING && ingesting == KafkaStreams.State.RUNNING) {
      return Reply.json(200, Reply.object().put("ready", true).put("state", state.name()).put("ingestState", ingesting.name()));
    }
    return Reply.error(ApiError.unavailable("not ready: streams state " + state + ", ingest " + ingesting
        + " (stores restoring or rebalancing)", java.util.Map.of("state", state.name(), "ingestState", ingesting.name())));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    try (exchange) {
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }
}
