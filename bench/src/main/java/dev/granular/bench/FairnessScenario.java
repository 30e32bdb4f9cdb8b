package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import dev.granular.app.support.FailureCause;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.bench.load.LoadRun;
import dev.granular.bench.load.LoadSink;
import dev.granular.bench.load.LoadSummary;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import dev.granular.sink.client.ClickHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * P1, one configuration: 50 small workspaces (and a whale with 100x their records per window), the generator's
 * definitions, a fixed per-statement limit; the app in a child process. Per window: produce every workspace's
 * records, wait until they are durable, tick every workspace at the same moment, and wait until every plan is
 * done (or the window's timeout). The first window computes new definitions over all history and is a warm-up.
 * The built-in scheduler is off, so every plan answers a tick whose time the benchmark knows.
 */
public final class FairnessScenario {
  private final AppConfig base;
  private final Path workDir;
  private static final long WINDOW_MS = 60_000;
  private final BenchSize size;
  private final long eventTimeStart;

  public FairnessScenario(AppConfig base, Path workDir, BenchSize size) {
    this.base = base;
    this.workDir = workDir;
    this.size = size;
    this.eventTimeStart = System.currentTimeMillis() - (size.rounds() + 1) * WINDOW_MS;
  }

  /** Under the configured processing guarantee, for the size's measured windows. */
  public FairnessResult run(FairnessConfig c) throws Exception {
    return run(c, base.kafka().processingGuarantee(), size.rounds());
  }

  /** @param rounds measured windows after the warm-up, at most the size's (event times leave room for no more) */
  public FairnessResult run(FairnessConfig c, String guarantee, int rounds) throws Exception {
    Map<String, Object> extra = Map.of("granular.planner.threshold", c.threshold(size),
        "granular.clickhouse.max-execution-time", size.statementLimit().toSeconds() + "s",
        "granular.planner.scheduler-interval", "0s", Guarantees.SETTING, guarantee);
    try (BenchEnv env = BenchEnv.create(base, workDir, "p1" + c.letter, extra)) {
      env.migrate();
      AppConfig config = env.config();
      List<String> notes = new ArrayList<>();
      List<FairnessAnalysis.Window> windows = new ArrayList<>();
      List<String> workspaces = new LoadGenerator(load(c, env, 0)).workspaceIds();
      long expected = 0;
      long late = 0;
      AppProcess app = AppProcess.start(env.writeConfigFile(), env.directory().resolve("app.log"));
      OptionalLong peak;
      Optional<Retries> retries;
      try (app; PlannerWatch watch = new PlannerWatch(config, app)) {
        for (int round = 0; round <= rounds; round++) {
          LoadSummary produced = produce(config, new LoadGenerator(load(c, env, round)), round == 0);
          expected += produced.events() - produced.invalid();
          late += produced.outOfOrder();
          if (round == 0 && !watch.await(workspaces, s -> s.getProperties() >= size.properties(), Duration.ofMinutes(3))) {
            notes.add("not every workspace had all " + size.properties() + " properties compiled after 3 minutes");
          }
          long durable = watch.awaitDurable(expected, Duration.ofMinutes(5));
          if (durable < expected) {
            notes.add(String.format(Locale.ROOT, "window %d ticked with %,d of %,d events durable", round, durable, expected));
          }
          long tickAt = watch.tickAll(workspaces);
          boolean settled = watch.await(workspaces, PlannerWatch.settledAfter(tickAt), size.roundTimeout());
          long until = System.currentTimeMillis();
          System.out.printf(Locale.ROOT, "P1 %s, %s: window %d of %d %s after %.1f s%n", c.title(), guarantee, round, rounds,
              settled ? "done" : "NOT done", (until - tickAt) / 1000.0);
          if (round > 0) {
            windows.add(new FairnessAnalysis.Window(round, tickAt, until));
          }
        }
        peak = app.peakRssBytes();
        retries = AppMetrics.scrape(config.http().port()).flatMap(Retries::from); // while the app still runs
      }
      return analyse(c, env, workspaces, windows, late, peak, retries, notes);
    }
  }

  private FairnessResult analyse(FairnessConfig c, BenchEnv env, List<String> workspaces,
      List<FairnessAnalysis.Window> windows, long late, OptionalLong peak, Optional<Retries> retries,
      List<String> notes) {
    AppConfig config = env.config();
    RunRecords.PlanHistory history = RunRecords.plans(config);
    List<TaskResult> results = RunRecords.results(config);
    List<ComputeTask> tasks = RunRecords.tasks(config);
    String whaleId = c.whale ? workspaces.get(workspaces.size() - 1) : null;
    FairnessAnalysis.Lags lags = FairnessAnalysis.lags(windows, history.completed(), workspaces, whaleId);
    int parked = (int) history.latest().values().stream().filter(s -> s.getInFlight() != null && s.getInFlight().getParked()).count();
    OutOfOrder.Count order;
    try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
      order = OutOfOrder.count(ch);
    }
    notes.addAll(FairnessAnalysis.failureReasons(results));
    notes.add(FairnessAnalysis.taskTimes(results, whaleId));
    notes.add("app log: " + env.directory().resolve("app.log"));
    List<List<Freshness.Lag>> smallByWindow = windows.stream()
        .map(w -> lags.small().stream().filter(l -> l.tickAtMs() == w.tickAtMs()).toList()).toList();
    return new FairnessResult(c, config.kafka().processingGuarantee(), c.threshold(size), Freshness.stats(lags.small()), smallByWindow,
        lags.whale().isEmpty() ? null : Freshness.stats(lags.whale()), FairnessAnalysis.failed(results),
        FairnessAnalysis.failedBy(results, FailureCause.TIMEOUT), FairnessAnalysis.failedBy(results, FailureCause.MEMORY), FairnessAnalysis.unreadable(results),
        whaleId == null ? Optional.empty() : FairnessAnalysis.parked(history.latest().get(whaleId)), FairnessAnalysis.retried(tasks), FairnessAnalysis.maxWork(tasks),
        FairnessAnalysis.maxParts(tasks), parked, peak, retries,
        RunRecords.deadLetters(config, config.topics().userEventsDlq()),
        RunRecords.deadLetters(config, config.topics().computeTasksDlq()),
        RunRecords.deadLetters(config, config.topics().definitionsDlq()), order.outOfOrder(), order.rows(), late, notes);
  }

  /**
   * Window {@code round}'s records: a new seed and run id per window, the same workspaces and definitions, and
   * event times that continue where the previous window's ended (a minute each, all in the past), so that only
   * the generator's late events and restatements arrive out of order.
   */
  private LoadConfig load(FairnessConfig c, BenchEnv env, int round) {
    AppConfig config = env.config();
    return LoadConfig.builder().seed(100 + round).runId(env.name() + "-w" + round).workspacePrefix("p1")
        .smallWorkspaces(size.smallWorkspaces()).eventsPerWorkspace(size.smallEvents())
        .whaleFactor(c.whale ? size.whaleFactor() : 0).usersPerWorkspace(size.smallUsers()).whaleUsers(size.whaleUsers())
        .segmentsPerWorkspace(size.segments()).userPropertiesPerWorkspace(size.userProperties())
        .startTimeMs(eventTimeStart + round * WINDOW_MS).durationMs(WINDOW_MS)
        .maxPayloadBytes(config.ingest().maxPayloadBytes()).maxFieldLength(config.ingest().maxFieldLength()).build();
  }

  /** Definitions go with the first window only: sending them again would be a definitions change. */
  private static LoadSummary produce(AppConfig config, LoadGenerator generator, boolean withDefinitions) throws Exception {
    LoadSink kafka = KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
        config.topics().definitions(), config.ingest().maxPayloadBytes());
    try (LoadSink sink = withDefinitions ? kafka : new EventsOnly(kafka)) {
      return LoadRun.write(generator, sink);
    }
  }
}
