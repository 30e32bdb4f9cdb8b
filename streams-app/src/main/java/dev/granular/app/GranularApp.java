package dev.granular.app;

import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.BinderSet;
import dev.granular.app.http.HttpApi;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.sink.EngineTaskWork;
import dev.granular.app.sink.TaskWork;
import dev.granular.app.lifecycle.IngestGroupUpgrade;
import dev.granular.app.topology.GranularTopology;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.Retention;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Granular instance: its two Kafka Streams clients (ingest, and planner with compute sink: {@link
 * StreamsRole}), the retention job and the HTTP API.
 */
public final class GranularApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GranularApp.class);

  private final AppConfig config;
  private final GranularMetrics metrics = GranularMetrics.prometheus();
  private final ClickHouse clickHouse;
  private final KafkaStreams streams;
  private final KafkaStreams ingest;
  private final BinderSet binders;
  private final HttpApi http;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "granular-jobs");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * As the input topic has them (the planner waits for each one's watermark); when it does not exist yet, as
   * `migrate` will create it. If Kafka cannot be asked, the configured count, with a warning: a partition beyond
   * it joins the planner's minimum only once it reports.
   */
  private static int inputPartitions(AppConfig config) {
    try (TopicAdmin admin = new TopicAdmin(config.kafka().bootstrapServers())) {
      return admin.partitionCount(config.topics().userEvents()).orElse(config.kafka().partitions());
    } catch (RuntimeException e) {
      log.warn("cannot read the partition count of {} ({}); assuming {} (granular.kafka.partitions)", config.topics().userEvents(),
          e.getMessage(), config.kafka().partitions());
      return config.kafka().partitions();
    }
  }

  public GranularApp(AppConfig config) {
    this(config, EngineTaskWork::new);
  }

  /**
   * @param taskWork how compute tasks run, given the ClickHouse gateway and the statement retry policy
   *                 (granular.clickhouse.retry, its listener counting retries); tests may wrap or fake it
   */
  public GranularApp(AppConfig config, BiFunction<ClickHouse, RetryPolicy, TaskWork> taskWork) {
    if (config.cluster().isPresent()) {
      // Compute against one server of a cluster would see one shard's events only: refuse rather than be wrong.
      throw new dev.granular.app.config.InvalidConfigException("granular.clickhouse.cluster is set, but so far only"
          + " `migrate` runs on a cluster: the app is not yet wired to ingest and compute per shard (issue 12, SCALING.md)");
    }
    this.config = config;
    this.clickHouse = new ClickHouse(config.clickHouse(), metrics.clickHouse());
    AppConfig.IngestSettings settings = config.ingest();
    RetryPolicy retry = new RetryPolicy(settings.retryInitialBackoff(), settings.retryMaxBackoff(), settings.retryMaxElapsed())
        .withListener(metrics.ingest()::insertRetried);
    GranularTopology.Dependencies deps = new GranularTopology.Dependencies(() -> new EventBatchWriter(clickHouse, retry),
        () -> taskWork.apply(clickHouse, config.clickHouseRetry().policy().withListener(metrics.sink()::statementRetried)),
        System::currentTimeMillis, metrics, inputPartitions(config));
    // Bound before the streams client exists, so application.server carries the real port (0 picks one).
    this.http = HttpApi.bind(config.http());
    Properties properties = StreamsRole.COMPUTE.properties(config);
    properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, http.applicationServer());
    try {
      this.streams = new KafkaStreams(StreamsRole.COMPUTE.topology(config, deps), properties);
      this.ingest = new KafkaStreams(StreamsRole.INGEST.topology(config, deps), StreamsRole.INGEST.properties(config));
    } catch (RuntimeException e) {
      http.close();
      clickHouse.close();
      throw e;
    }
    this.binders = BinderSet.bind(metrics.registry(), List.of(streams, ingest));
    watch(streams, StreamsRole.COMPUTE);
    watch(ingest, StreamsRole.INGEST);
    // Served from construction on: /healthz answers and /readyz says 503 until the stores are restored.
    http.serve(config, streams, ingest, metrics, clickHouse);
  }

  private void watch(KafkaStreams client, StreamsRole role) {
    // A thread that gave up (e.g. ClickHouse down past the retry budget) is replaced; it resumes from the
    // last committed offsets, so nothing is lost and nothing is skipped.
    client.setUncaughtExceptionHandler(e -> {
      log.error("{} stream thread failed, replacing it; uncommitted input will be read again", role, e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    // Either client stopping stops the instance: half of one (events stored but never planned, or plans with no
    // new events) would look alive while its work piles up.
    client.setStateListener((now, before) -> {
      log.info("{} streams state {} -> {}", role, before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        stopped.countDown();
      }
    });
  }

  public void start() {
    IngestGroupUpgrade.run(config);
    ingest.start();
    streams.start();
    Retention retention = new Retention(clickHouse, config.retention().days());
    long every = config.retention().checkInterval().toMillis();
    jobs.scheduleWithFixedDelay(() -> runRetention(retention), Math.min(every, 10_000), every, TimeUnit.MILLISECONDS);
    Duration metricsEvery = config.metricsLogInterval();
    if (!metricsEvery.isZero()) {
      jobs.scheduleAtFixedRate(this::logMetrics, metricsEvery.toMillis(), metricsEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void runRetention(Retention retention) {
    try {
      var dropped = retention.dropExpired(System.currentTimeMillis());
      if (!dropped.isEmpty()) {
        log.info("retention dropped user_events partitions {}", dropped);
      }
    } catch (RuntimeException e) {
      log.warn("retention check failed, will try again: {}", e.getMessage());
    }
  }

  private void logMetrics() {
    log.info("ingest: inserted={} plans completed={} parked={} tasks ok={} failed={} state={}",
        (long) metrics.ingest().insertedCount(), (long) metrics.planner().completedCount(), (long) metrics.planner().parkedCount(),
        (long) metrics.sink().tasksSucceeded(), (long) metrics.sink().tasksFailed(), streams.state() + "/" + ingest.state());
  }

  /** The planner and compute sink's client (the one the HTTP API's interactive queries read). */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams ingest() {
    return ingest;
  }

  /** Whether either client ended in ERROR. */
  public boolean failed() {
    return streams.state() == KafkaStreams.State.ERROR || ingest.state() == KafkaStreams.State.ERROR;
  }

  /** The port the HTTP API listens on (the real one when HTTP_PORT is 0). */
  public int httpPort() {
    return http.port();
  }

  public GranularMetrics metrics() {
    return metrics;
  }

  /** Blocks until the streams client stops. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    jobs.shutdownNow();
    http.close();
    // Both leave their groups at once (see StreamsProperties); closed together, as each waits for its commit.
    var closing = java.util.concurrent.CompletableFuture.runAsync(() -> ingest.close(Duration.ofSeconds(60)));
    streams.close(Duration.ofSeconds(60));
    closing.join();
    binders.close();
    clickHouse.close();
    stopped.countDown();
  }
}
