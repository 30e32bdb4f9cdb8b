package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import dev.granular.bench.load.GeneratedDefinition;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadSink;
import dev.granular.bench.load.VariedDefinitions;
import dev.granular.bench.load.ZipfTraffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * P6, the capacity curve: one app process with the built-in scheduler on (as in production), the size's
 * workspaces with Zipf sizes and their definitions, then offered rates stepped up until one does not hold
 * ({@link CapacityCurve}). Each step is run and measured by {@link CapacityStepRun}.
 */
final class CapacityScenario {
  private final AppConfig base;
  private final Path workDir;
  private final BenchSize size;

  CapacityScenario(AppConfig base, Path workDir, BenchSize size) {
    this.base = base;
    this.workDir = workDir;
    this.size = size;
  }

  CapacityResult run() throws Exception {
    CapacitySize c = size.capacity();
    Duration interval = base.planner().schedulerInterval().isZero() ? Duration.ofSeconds(5)
        : base.planner().schedulerInterval();
    try (BenchEnv env = BenchEnv.create(base, workDir, "p6",
        Map.of("granular.planner.scheduler-interval", interval.toMillis() + "ms"))) {
      env.migrate();
      AppConfig config = env.config();
      LoadConfig load = load(env, c);
      List<String> notes = new ArrayList<>();
      List<CapacityStep> steps = new ArrayList<>();
      OptionalLong peak;
      ZipfTraffic traffic = new ZipfTraffic(load, c.workspaceSkew());
      notes.add(String.format(Locale.ROOT, "the whale, %s, gets %.1f %% of the events; built-in scheduler every %d ms",
          load.workspaceId(load.smallWorkspaces()), 100 * traffic.whaleShare(), interval.toMillis()));
      try (AppProcess app = AppProcess.start(env.writeConfigFile(), env.directory().resolve("app.log"))) {
        List<GeneratedDefinition> definitions = new VariedDefinitions(load, c.minProperties(), c.maxProperties())
            .definitions();
        sendDefinitions(config, definitions);
        long started = System.currentTimeMillis();
        if (!CapacityStepRun.awaitCompiled(config, app, definitions.size(), c.definitionsTimeout())) {
          notes.add("the app had not read every definition after " + c.definitionsTimeout().toSeconds()
              + " s; the steps ran anyway");
        }
        notes.add(String.format(Locale.ROOT, "%,d definitions compiled in %.0f s before the first step", definitions.size(),
            (System.currentTimeMillis() - started) / 1000.0));
        try (CapacityStepRun stepRun = new CapacityStepRun(config, app, traffic, load.workspaceId(load.smallWorkspaces()),
            c)) {
          CapacityStepRun.WarmUp warm = stepRun.warmUp(c.rates().get(0), c.workspaces(), c.definitionsTimeout());
          notes.add(String.format(Locale.ROOT, "warm-up before the first step: %,d events/s for %.0f s, until %,d of %,d"
              + " workspaces had completed a plan over events (a workspace's first one computes every leaf from the start, once)",
              c.rates().get(0), warm.took().toMillis() / 1000.0, warm.workspacesPlanned(), warm.workspaces()));
          System.out.println("P6 " + notes.get(notes.size() - 1));
          for (long rate : c.rates()) {
            CapacityStep step = stepRun.run(rate);
            steps.add(step);
            System.out.printf(Locale.ROOT, "P6 %,d events/s: achieved %,.0f, %s%n", rate, step.achievedRate(),
                CapacityCurve.outcome(step) + " (" + CapacityCurve.why(step) + ")");
            if (CapacityCurve.stopAfter(step)) {
              break;
            }
          }
        }
        peak = app.peakRssBytes();
      }
      notes.add(peak.isPresent() ? String.format(Locale.ROOT, "app peak RSS (VmHWM) over the run: %,d MiB",
          peak.getAsLong() / 1024 / 1024) : "app peak RSS: not measured");
      notes.add("app log: " + env.directory().resolve("app.log"));
      return new CapacityResult(steps, c.rates().size(), peak, notes);
    }
  }

  /** Far more events per workspace than any step sends, so no workspace's stream ever runs out. */
  private LoadConfig load(BenchEnv env, CapacitySize c) {
    AppConfig config = env.config();
    return LoadConfig.builder().seed(600).runId(env.name()).workspacePrefix("p6").smallWorkspaces(c.workspaces() - 1)
        .eventsPerWorkspace(1_000_000_000L).whaleFactor(1).usersPerWorkspace(size.smallUsers())
        .whaleUsers(size.whaleUsers()).userPropertiesPerWorkspace(size.userProperties())
        .startTimeMs(System.currentTimeMillis()).durationMs(1).maxPayloadBytes(config.ingest().maxPayloadBytes())
        .maxFieldLength(config.ingest().maxFieldLength()).build();
  }

  private static void sendDefinitions(AppConfig config, List<GeneratedDefinition> definitions) throws Exception {
    try (LoadSink sink = KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
        config.topics().definitions(), config.ingest().maxPayloadBytes())) {
      for (GeneratedDefinition d : definitions) {
        sink.definition(d);
      }
    }
  }
}
