package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.bench.load.LoadRun;
import dev.granular.bench.load.LoadSummary;
import dev.granular.sink.client.ClickHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * P2: N JSON events are first produced to the run's user-events topic; then Granular (a child process, app
 * defaults) ingests them until all are durable in ClickHouse; then, with Granular stopped so the two do not share
 * the cores, ClickHouse's Kafka engine consumes the same topic ({@link KafkaEngineBaseline}). Both are timed from
 * their consumer group becoming stable to every distinct event being stored. The load has no definitions, so no compute competes with
 * ingest, and no invalid records, which the Kafka engine could not skip.
 */
public final class IngestScenario {
  /**
   * @param cpuSecondsPerMillion the app's CPU time from its group becoming stable to the last event, per million events
   * @param retries              retries the app counted (inserts retried after a ClickHouse error); empty: not measured
   */
  public record Result(long events, long distinctEvents, LoadSummary produced, double producerEventsPerSecond, RowWatch.Progress granular,
      double cpuSecondsPerMillion, long peakRssBytes, Optional<Retries> retries, KafkaEngineBaseline.Result baseline,
      Map<String, Long> deadLetters, String appLog) {}

  /** A count() per poll is answered from part metadata, so polling this often costs ClickHouse next to nothing. */
  static final Duration POLL = Duration.ofMillis(100);

  private final AppConfig base;
  private final Path workDir;

  public IngestScenario(AppConfig base, Path workDir) {
    this.base = base;
    this.workDir = workDir;
  }

  public Result run(long events, Duration timeout) throws Exception {
    try (BenchEnv env = BenchEnv.create(base, workDir, "p2", Map.of())) {
      env.migrate();
      AppConfig config = env.config();
      LoadConfig load = LoadConfig.builder().seed(2).runId("p2-" + env.name()).smallWorkspaces(10)
          .eventsPerWorkspace(events / 10).invalidRate(0).segmentsPerWorkspace(0).userPropertiesPerWorkspace(0)
          .maxPayloadBytes(config.ingest().maxPayloadBytes()).maxFieldLength(config.ingest().maxFieldLength()).build();
      long started = System.nanoTime();
      LoadSummary produced;
      try (KafkaLoadSink sink = KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
          config.topics().definitions(), config.ingest().maxPayloadBytes())) {
        produced = LoadRun.write(new LoadGenerator(load), sink);
      }
      double producerRate = produced.events() * 1e9 / (System.nanoTime() - started);
      // Restatements repeat a messageId, and merges fold rows with equal keys, so rows are not a stable count:
      // durable means every distinct (workspace, messageId) is stored.
      long distinct = produced.events() - produced.restatements();
      System.out.printf("P2: produced %,d events at %,.0f events/s; starting Granular%n", produced.events(), producerRate);

      RowWatch.Progress granular;
      double cpuAtStart;
      double cpuAtDone;
      long peak;
      Optional<Retries> retries;
      AppProcess app = AppProcess.start(env.writeConfigFile(), env.directory().resolve("app.log"));
      try (app; ClickHouse ch = new ClickHouse(config.clickHouse())) {
        long start = GroupWatch.awaitStable(config.kafka().bootstrapServers(), config.kafka().applicationId(),
            Duration.ofMinutes(2), app::requireAlive);
        cpuAtStart = seconds(app.cpu());
        granular = RowWatch.until(start, () -> ch.scalarLong(rows(ch, "user_events")),
            () -> ch.scalarLong(distinctEvents(ch, "user_events")), distinct, timeout, POLL, app::requireAlive);
        cpuAtDone = seconds(app.cpu());
        peak = app.peakRssBytes().orElse(-1);
        retries = AppMetrics.scrape(config.http().port()).flatMap(Retries::from); // while the app still runs
      }
      System.out.printf("P2: Granular %,.0f events/s; starting the Kafka engine baseline%n", granular.eventsPerSecond());
      KafkaEngineBaseline.Result baseline = KafkaEngineBaseline.run(env, distinct, timeout);
      return new Result(produced.events(), distinct, produced, producerRate, granular,
          (cpuAtDone - cpuAtStart) / (distinct / 1e6), peak, retries, baseline,
          RunRecords.deadLetters(config, config.topics().userEventsDlq()), app.log().toString());
    }
  }

  static String rows(ClickHouse ch, String table) {
    return "SELECT count() FROM " + ch.table(table);
  }

  static String distinctEvents(ClickHouse ch, String table) {
    return "SELECT uniqExact(workspace_id, message_id) FROM " + ch.table(table);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
