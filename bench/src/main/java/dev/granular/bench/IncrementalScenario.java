package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.bench.load.GeneratedDefinition;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.app.sink.EngineTaskWork;
import dev.granular.app.sink.TaskWork;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.client.StatementTags;
import dev.granular.sink.migrate.Migrator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * P3: the cost of one tick over W new events on top of H events of history, against a full recompute of the
 * same H + W events from an empty cursor (empty state tables, definitions new, so every leaf is backfilled).
 * Both run the compute sink's own task code ({@link EngineTaskWork}) in this process, without Kafka, so only
 * compute is timed. Rows read come from system.query_log ({@link QueryLog}): the tick's and the full
 * recompute's statements carry query ids of their own. The history's state is
 * first built by one compute up to the cursor, which leaves what earlier ticks would have left.
 */
public final class IncrementalScenario {
  /** @param logged null when system.query_log could not be read (the note says why) */
  public record Measure(long millis, long rowsTouched, QueryLog.Logged logged) {}

  public record Result(long history, long newEvents, int users, int properties, long prepareMillis, Measure tick,
      Measure full, String problem) {}

  private final AppConfig base;

  public IncrementalScenario(AppConfig base) {
    this.base = base;
  }

  public Result run(long history, long newEvents) throws Exception {
    String id = "p3-" + UUID.randomUUID().toString().substring(0, 8) + "-h" + history;
    ClickHouseSettings inc = base.clickHouse().withDatabase("granular_bench_" + id.replace('-', '_'));
    ClickHouseSettings full = inc.withDatabase(inc.database() + "_full");
    int users = (int) Math.max(1_000, (history + newEvents) / 20);
    LoadGenerator generator = new LoadGenerator(LoadConfig.builder().seed(3).runId(id).workspacePrefix("p3")
        .smallWorkspaces(1).eventsPerWorkspace(history + newEvents).usersPerWorkspace(users).invalidRate(0)
        .startTimeMs(System.currentTimeMillis() - history - newEvents - 600_000).durationMs(history + newEvents).build());
    String tickLabel = id + "-tick";
    String fullLabel = id + "-full";
    QueryLog.Sent tickSent = new QueryLog.Sent();
    QueryLog.Sent fullSent = new QueryLog.Sent();
    try (ClickHouse direct = new ClickHouse(inc); ClickHouse directFull = new ClickHouse(full);
        ClickHouse tagged = new ClickHouse(inc.withTags(StatementTags.logged(tickLabel)), tickSent);
        ClickHouse taggedFull = new ClickHouse(full.withTags(StatementTags.logged(fullLabel)), fullSent)) {
      try {
        new Migrator(direct).migrate();
        new Migrator(directFull).migrate();
        long first = generator.config().startTimeMs();
        long last = HistoryLoader.load(direct, generator, first, base.ingest().maxPayloadBytes(), base.ingest().maxFieldLength());
        long cursor = first + history - 1;
        directFull.execute("INSERT INTO " + directFull.table("user_events") + " SELECT * FROM " + direct.table("user_events"));
        WorkspaceDefinitions stored = definitions(generator);
        CompiledWorkspace fresh = CompiledWorkspace.of(stored);
        int properties = fresh.view().propertyIds().size();
        System.out.printf("P3 H=%,d: loaded %,d events; building the history's state%n", history, last - first + 1);

        long prepare = time(new EngineTaskWork(direct), task(stored, 0, cursor, history * properties), fresh).millis();
        CompiledWorkspace steady = CompiledWorkspace.of(fresh.withBaseline(stored));
        Measure tick = time(new EngineTaskWork(tagged), task(stored, cursor, last, newEvents * properties), steady);
        Measure recompute = time(new EngineTaskWork(taggedFull), task(stored, 0, last, (last - first + 1) * properties), fresh);
        String problem = null;
        try {
          tick = new Measure(tick.millis(), tick.rowsTouched(),
              QueryLog.logged(direct, tickLabel, tickSent.count(), Duration.ofSeconds(30)));
          recompute = new Measure(recompute.millis(), recompute.rowsTouched(),
              QueryLog.logged(direct, fullLabel, fullSent.count(), Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
          problem = "system.query_log not readable: " + e.getMessage();
        }
        return new Result(history, newEvents, users, properties, prepare, tick, recompute, problem);
      } finally {
        new Migrator(direct).dropDatabase();
        new Migrator(directFull).dropDatabase();
      }
    }
  }

  private static WorkspaceDefinitions definitions(LoadGenerator generator) {
    Map<String, String> byId = new TreeMap<>();
    List<GeneratedDefinition> all = generator.definitions();
    all.forEach(d -> byId.put(d.propertyId(), d.json()));
    return WorkspaceDefinitions.newBuilder().setWorkspaceId(all.get(0).workspaceId()).setVersion(1).setDefinitions(byId).build();
  }

  /** A task as the planner would send it: one part, all properties, window (fromMs, toMs] evaluated at toMs. */
  private static ComputeTask task(WorkspaceDefinitions stored, long fromMs, long toMs, long work) {
    long now = System.currentTimeMillis();
    return ComputeTask.newBuilder().setPlanId("bench-" + fromMs + "-" + toMs).setWorkspaceId(stored.getWorkspaceId())
        .setPart(0).setParts(1).setStage(0).setWindowFromMs(fromMs).setWindowToMs(toMs).setNowMs(toMs)
        .setUserBucket(0).setUserBuckets(1).setPropertyIds(List.of()).setDefinitionsVersion(stored.getVersion())
        .setTickAtMs(now).setPlannedAtMs(now).setEstimatedWork(work).setAttempt(1).setPriority(false).build();
  }

  private static Measure time(TaskWork work, ComputeTask task, CompiledWorkspace workspace) {
    long start = System.nanoTime();
    TaskWork.Outcome outcome = work.run(task, workspace);
    return new Measure((System.nanoTime() - start) / 1_000_000, outcome.rowsTouched(), null);
  }
}
