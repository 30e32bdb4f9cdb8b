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
import java.util.HashMap;
import java.util.Map;

/**
 * P2: N JSON events are first produced to the run's user-events topic; then Granular (a child process, app
 * defaults) ingests them until all are durable in ClickHouse; then a second Granular of its own (group, database,
 * topics) under the other processing guarantee reads the same topic, for the cost of exactly-once; then, with
 * Granular stopped so the two do not share the cores, ClickHouse's Kafka engine consumes the same topic
 * ({@link KafkaEngineBaseline}). Both are timed from
 * their consumer group becoming stable to every distinct event being stored. The load has no definitions, so no compute competes with
 * ingest, and no invalid records, which the Kafka engine could not skip.
 */
public final class IngestScenario {
  /**
   * @param granular          Granular under the configured processing guarantee (P2's figures, P5's memory)
   * @param otherGuarantee    Granular again on the same topic under the other guarantee; null when that run failed
   * @param otherProblem      why {@code otherGuarantee} is null
   */
  public record Result(long events, long distinctEvents, LoadSummary produced, double producerEventsPerSecond,
      GranularIngest.Run granular, GranularIngest.Run otherGuarantee, String otherProblem,
      KafkaEngineBaseline.Result baseline, Map<String, Long> deadLetters, MachineLimits.Limit kafkaRead,
      MachineLimits.Limit clickHouseInsert) {}

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

      GranularIngest.Run granular = GranularIngest.run(env, distinct, timeout, true);
      System.out.printf("P2: Granular (%s) %,.0f events/s; again under %s%n", granular.guarantee(),
          granular.progress().eventsPerSecond().orElse(0), Guarantees.other(granular.guarantee()));
      GranularIngest.Run other = null;
      String otherProblem = null;
      try {
        other = otherGuarantee(env, granular.guarantee(), distinct, timeout);
      } catch (Exception e) { // only the comparison is lost; P2's own figures stand
        e.printStackTrace();
        otherProblem = "the " + Guarantees.other(granular.guarantee()) + " run failed: " + e;
      }
      System.out.println("P2: starting the Kafka engine baseline");
      KafkaEngineBaseline.Result baseline = KafkaEngineBaseline.run(env, distinct, timeout);
      System.out.println("P2: the machine's limits (ConsumerPerformance, clickhouse-client) on the same records");
      MachineLimits.Limit kafkaRead = MachineLimits.kafkaRead(config.kafka().bootstrapServers(), config.topics().userEvents(),
          produced.events());
      MachineLimits.Limit insert;
      try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
        insert = MachineLimits.clickHouseInsert(ch, config.kafka().bootstrapServers(), config.topics().userEvents(),
            config.ingest().maxPayloadBytes(), config.ingest().maxFieldLength());
      }
      return new Result(produced.events(), distinct, produced, producerRate, granular, other, otherProblem, baseline,
          RunRecords.deadLetters(config, config.topics().userEventsDlq()), kafkaRead, insert);
    }
  }

  /** The same topic read by a second app of its own (group, database, topics) under the other guarantee. */
  private GranularIngest.Run otherGuarantee(BenchEnv env, String guarantee, long distinct, Duration timeout) throws Exception {
    Map<String, Object> extra = new HashMap<>(Guarantees.setting(Guarantees.other(guarantee)));
    extra.put("granular.topics.user-events", env.config().topics().userEvents());
    try (BenchEnv other = BenchEnv.create(base, workDir, "p2" + Guarantees.other(guarantee).substring(0, 2), extra)) {
      other.migrate();
      return GranularIngest.run(other, distinct, timeout);
    }
  }

  static String rows(ClickHouse ch, String table) {
    return "SELECT count() FROM " + ch.table(table);
  }

  static String distinctEvents(ClickHouse ch, String table) {
    return "SELECT uniqExact(workspace_id, message_id) FROM " + ch.table(table);
  }
}
