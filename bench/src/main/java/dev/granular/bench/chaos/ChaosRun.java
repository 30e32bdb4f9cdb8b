package dev.granular.bench.chaos;

import dev.granular.app.topology.StreamsRole;
import dev.granular.app.config.AppConfig;
import dev.granular.bench.BenchEnv;
import dev.granular.bench.GroupWatch;
import dev.granular.bench.RunRecords;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.bench.load.LoadRun;
import dev.granular.bench.load.LoadSummary;
import dev.granular.fixtures.ChangeAudit;
import dev.granular.sink.client.ClickHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One scenario end to end: fresh topics, database and group; the instances; the load produced while the
 * scenario injects its fault; then, once the app caught up, everything {@link RunFigures} reports.
 */
final class ChaosRun {
  private static final String BAD_INPUT_RUN = "chaos";
  private final ChaosSize size;
  private final Services services;
  private final Path workDir;
  private final Map<String, ?> settings;
  private final String singleBroker;

  /** @param singleBroker the bootstrap of the broker every scenario but the cluster's uses (`make services-up`'s) */
  ChaosRun(ChaosSize size, Services services, Path workDir, Map<String, ?> settings, String singleBroker) {
    this.singleBroker = singleBroker;
    this.size = size;
    this.services = services;
    this.workDir = workDir;
    this.settings = settings;
  }

  RunFigures run(Scenario scenario) throws Exception {
    System.out.println("chaos: " + scenario.title());
    AppConfig base = AppConfig.load(null, Map.of("granular.kafka.bootstrap-servers",
        scenario.onCluster() ? services.clusterBootstrap() : singleBroker,
        "granular.clickhouse.url", services.clickHouseUrl()));
    long started = System.currentTimeMillis();
    Map<String, Object> own = new java.util.HashMap<>(settings);
    if (scenario.onCluster()) {
      own.put("granular.kafka.replication-factor", 3); // topics and Kafka Streams' own, with the brokers' min ISR 2
    }
    try (BenchEnv env = BenchEnv.create(base, workDir, scenario.key().replace("-", ""), own)) {
      env.migrate();
      AppConfig config = env.config();
      LoadConfig load = size.load(config.ingest().maxPayloadBytes(), config.ingest().maxFieldLength());
      LoadGenerator generator = new LoadGenerator(load);
      try (Fleet fleet = new Fleet(env, 2);
           LagWatch lag = new LagWatch(config.kafka().bootstrapServers(), StreamsRole.INGEST.applicationId(config), config.topics().userEvents())) {
        for (int i = 0; i < scenario.initialInstances(); i++) {
          fleet.start(i);
        }
        GroupWatch.awaitStable(config.kafka().bootstrapServers(), StreamsRole.INGEST.applicationId(config), Duration.ofMinutes(2), () -> { });
        CompletableFuture<LoadSummary> produced = CompletableFuture.supplyAsync(() -> produce(config, generator));
        ChaosContext ctx = new ChaosContext(env, fleet, services, lag, size.events(), generator.definitions());
        scenario.inject(ctx);
        LoadSummary summary = produced.get();
        System.out.printf("chaos:   fault injected and load produced after %.0f s%n", (System.currentTimeMillis() - started) / 1000.0);
        var accepted = BadInputs.acceptedEvents(BAD_INPUT_RUN); // hostile but valid: stored and answered like the load
        List<String> workspaces = new ArrayList<>(generator.workspaceIds());
        accepted.stream().map(e -> e.get(0)).distinct().filter(w -> !workspaces.contains(w)).forEach(workspaces::add);
        long caughtUp = CaughtUp.await(config, lag, workspaces, Duration.ofMinutes(15), () -> { });
        System.out.printf("chaos:   caught up after %.0f s%n", (caughtUp - started) / 1000.0);
        try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
          long stored = ch.scalarLong("SELECT uniqExact(workspace_id, message_id) FROM " + ch.table("user_events"));
          AnswerDump dump = AnswerDump.of(ch, workspaces);
          dump.write(workDir.resolve(scenario.key() + "-answers.txt")); // the latest run's, to diff against clean's
          ChangeAudit.Result audit = ChangeAudit.audit(RunRecords.changes(config), dump.answers());
          List<String> notes = new ArrayList<>(ctx.notes);
          notes.add(fleet.kills() + " instance SIGKILLs in all");
          return new RunFigures(scenario.key(), scenario.title(), summary.events() - summary.restatements() - summary.invalid() + accepted.size(), stored,
              CaughtUp.countedEvents(config, workspaces), dump, audit, (caughtUp - ctx.faultEndedAtMs()) / 1000.0, lag.peak(),
              (System.currentTimeMillis() - started) / 1000.0, RunRecords.deadLetters(config, config.topics().userEventsDlq()),
              RunRecords.deadLetters(config, config.topics().definitionsDlq()), badInput(config, ch), notes);
        }
      }
    }
  }

  /** The generated load, then every bad-input class (the same records in every run, so answers stay comparable). */
  private static LoadSummary produce(AppConfig config, LoadGenerator generator) {
    LoadSummary summary;
    try (KafkaLoadSink sink = KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
        config.topics().definitions(), config.ingest().maxPayloadBytes())) {
      summary = LoadRun.write(generator, sink);
    } catch (Exception e) {
      throw new IllegalStateException("producing the load failed", e);
    }
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(BadInputFeed.producerSettings(
        config.kafka().bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      BadInputFeed.send(producer, BadInputs.records(BAD_INPUT_RUN), config.topics().userEvents(), config.topics().definitions());
    }
    return summary;
  }

  /** What became of each bad-input class; an accepted class may need one more tick to be answered, so a few tries. */
  private static List<ClassOutcome> badInput(AppConfig config, ClickHouse ch) throws InterruptedException {
    List<ClassOutcome> outcomes = List.of();
    for (int attempt = 0; attempt < 30; attempt++) {
      outcomes = BadInputCheck.check(BAD_INPUT_RUN, CommittedRecords.read(config.kafka().bootstrapServers(), config.topics().userEventsDlq()),
          CommittedRecords.read(config.kafka().bootstrapServers(), config.topics().definitionsDlq()), ch);
      if (outcomes.stream().allMatch(ClassOutcome::ok)) {
        break;
      }
      Thread.sleep(2_000);
    }
    return outcomes;
  }
}
