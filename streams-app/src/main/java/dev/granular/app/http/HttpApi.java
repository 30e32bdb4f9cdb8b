package dev.granular.app.http;

import com.sun.net.httpserver.HttpServer;
import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.topology.Topics;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.compute.AssignmentReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instance's HTTP endpoint on the JDK's HttpServer. Bound first ({@link #bind}), so the real port is known
 * and can be advertised as Kafka Streams' application.server; served once the streams client exists.
 */
public final class HttpApi implements AutoCloseable {
  private final HttpServer server;
  private final HostInfo self;
  private final ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "granular-http");
    t.setDaemon(true);
    return t;
  });
  private TickSender ticks;

  private HttpApi(HttpServer server, HostInfo self) {
    this.server = server;
    this.self = self;
  }

  public static HttpApi bind(AppConfig.HttpSettings settings) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
      String host = settings.advertisedHost().isBlank() ? settings.bind() : settings.advertisedHost();
      return new HttpApi(server, new HostInfo(host, server.getAddress().getPort()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port(), e);
    }
  }

  /** host:port other instances reach this one at: the value for Kafka Streams' application.server. */
  public String applicationServer() {
    return Instances.name(self);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Starts answering; the handlers query {@code streams}' stores, report both clients' states, and query ClickHouse
   * through {@code clickHouse}.
   */
  public void serve(AppConfig config, KafkaStreams streams, KafkaStreams ingest, GranularMetrics metrics, ClickHouse clickHouse) {
    LocalStores stores = new LocalStores(streams);
    PeerClient peers = new PeerClient(self, Duration.ofSeconds(2), Duration.ofSeconds(30));
    ticks = new TickSender(config.kafka().bootstrapServers(), new Topics(config.topics()));
    AssignmentReader reader = new AssignmentReader(clickHouse, config.clickHouseRetry().policy());
    WorkspaceAnswers answers = new WorkspaceAnswers(stores, reader, ticks, config.planner());
    ClusterView cluster = new ClusterView(streams, self, stores, peers, metrics);
    server.createContext("/", new ApiHandler(new Routes(new Ids(Math.max(256, config.ingest().maxFieldLength()))), streams, ingest, self, metrics,
        cluster, answers, peers));
    server.setExecutor(workers);
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    if (ticks != null) {
      ticks.close();
    }
  }
}
