package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the selected scenarios in one invocation and gathers their figures into one report. A scenario that
 * fails does not stop the others: its figures are reported as not measured, with the error.
 */
public final class BenchRun {
  public enum Scenario { P1, P2, P3, P4, P6 }

  /**
   * P4 first: it needs no services, and the services are then as idle as they will ever be. P6 last: it drives
   * the machine past what it can keep up with, and the backlog and merges it leaves must not load the others.
   */
  private static final List<Scenario> RUN_ORDER = List.of(Scenario.P4, Scenario.P3, Scenario.P2, Scenario.P1,
      Scenario.P6);

  private final AppConfig base;
  private final BenchSize size;
  private final Path workDir;
  private final Set<Scenario> selected;
  private final String command;
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<FairnessConfig, FairnessResult> fairness = new LinkedHashMap<>();
  private IngestScenario.Result ingest;
  private CapacityResult capacity;
  private java.util.function.Consumer<BenchReport> afterEachScenario = r -> { };
  private long started;
  private String date;
  private Map<String, String> machine;

  public BenchRun(AppConfig base, BenchSize size, Path workDir, Set<Scenario> selected, String command) {
    this.base = base;
    this.size = size;
    this.workDir = workDir;
    this.selected = selected.isEmpty() ? EnumSet.allOf(Scenario.class) : EnumSet.copyOf(selected);
    this.command = command;
  }

  /**
   * @param afterEachScenario gets the report so far after every scenario, so a long run that is interrupted
   *     still leaves what it measured
   */
  public BenchReport run(java.util.function.Consumer<BenchReport> afterEachScenario) {
    this.afterEachScenario = afterEachScenario;
    started = System.nanoTime();
    date = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    machine = Machine.describe(base);
    step(Scenario.P4, () -> figures.addAll(PlannerFigures.of(planner().run())));
    step(Scenario.P3, () -> {
      List<IncrementalScenario.Result> results = new ArrayList<>();
      for (long h : size.histories()) {
        results.add(new IncrementalScenario(base).run(h, size.newEvents()));
      }
      figures.addAll(IncrementalFigures.of(results));
    });
    step(Scenario.P2, () -> {
      ingest = new IngestScenario(base, workDir).run(size.ingestEvents(), size.ingestTimeout());
      figures.addAll(IngestFigures.of(ingest));
      figures.addAll(GuaranteeFigures.ingest(ingest));
      notes.add("P2 app log: " + ingest.granular().appLog());
      ingest.granular().profile().ifPresentOrElse(p -> notes.add(p.describe()),
          () -> notes.add("P2 profile: not measured (the app's flight recording could not be read)"));
      if (ingest.otherGuarantee() != null) {
        notes.add("P2 under " + ingest.otherGuarantee().guarantee() + ", app log: " + ingest.otherGuarantee().appLog());
      }
    });
    step(Scenario.P1, () -> {
      FairnessScenario scenario = new FairnessScenario(base, workDir, size);
      for (FairnessConfig c : FairnessConfig.values()) {
        FairnessResult r = scenario.run(c);
        fairness.put(c, r);
        r.notes().forEach(n -> notes.add("P1 " + c.title() + ": " + n));
      }
      figures.addAll(FairnessFigures.of(fairness));
      // The cost of exactly-once: (a) again, shorter, under the other guarantee; (a) above is this side.
      String other = Guarantees.other(base.kafka().processingGuarantee());
      FairnessResult again = scenario.run(FairnessConfig.NO_WHALE, other, size.guaranteeRounds());
      again.notes().forEach(n -> notes.add("P1 " + FairnessConfig.NO_WHALE.title() + " under " + other + ": " + n));
      if (fairness.containsKey(FairnessConfig.NO_WHALE)) {
        figures.addAll(GuaranteeFigures.freshness(fairness.get(FairnessConfig.NO_WHALE), again, size.guaranteeRounds()));
      }
    });
    step(Scenario.P6, () -> {
      capacity = new CapacityScenario(base, workDir, size).run();
      capacity.notes().forEach(n -> notes.add("P6: " + n));
    });
    machine.put("load average at end", Machine.loadAverage());
    return report(List.of());
  }

  /** The figures so far, with the memory and reliability ones derived from P1 and P2; {@code pending} not yet run. */
  private BenchReport report(List<Scenario> pending) {
    List<Figure> all = new ArrayList<>(figures);
    if (!fairness.isEmpty()) {
      all.addAll(FairnessFigures.memory(fairness));
    }
    if (ingest != null) {
      all.add(MemoryFigure.of("during P2 ingest", ingest.granular().peakRssBytes()));
    }
    if (!fairness.isEmpty() || ingest != null) {
      all.addAll(ReliabilityFigures.of(fairness, ingest));
    }
    if (capacity != null) {
      all.add(CapacityCurve.figure(capacity.steps(), capacity.planned()));
    }
    List<String> allNotes = new ArrayList<>(notes);
    if (!pending.isEmpty()) {
      allNotes.add(0, "PARTIAL: written after each scenario; still to run when written: " + pending);
    }
    return new BenchReport(date, command, size.name(), (System.nanoTime() - started) / 1e9, machine, configuration(),
        all, allNotes, capacity == null ? List.of() : capacity.steps());
  }

  private PlannerThroughput planner() {
    return new PlannerThroughput(size.plannerWarmUps(), size.plannerBatch(), size.plannerBatches());
  }

  private Map<String, String> configuration() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("scenarios run", selected.toString());
    c.putAll(size.describe());
    c.put("app settings", "config/application.conf defaults (and the environment), except: own topics, application id,"
        + " database and state directory per scenario; P1 sets T, the per-statement limit, and turns the built-in"
        + " scheduler off so every plan answers a benchmark tick; P6 keeps it on (every 5 s unless configured otherwise)");
    c.put("partitions / K / stream threads", base.kafka().partitions() + " / "
        + base.planner().sinkConcurrencyPerPartition() + " / " + base.kafka().numStreamThreads());
    c.put("app process", "child JVM `GranularCli --config FILE run` from " + AppJar.source() + " with JVM flags "
        + JvmOptions.forApp() + " (from " + JvmOptions.source() + ", as `make run` uses them); P3 and P4 run in the"
        + " benchmark JVM");
    c.put("P1 method", "per window: produce every workspace's records, wait until the planner has them all as durable,"
        + " tick every workspace at the same moment, wait until no plan is in flight. Freshness lag of a tick = from the"
        + " tick to the last part's finish of the first completed plan whose tick is at or after it (read from the"
        + " planner-state changelog); failed statements from the task results topic and the app log");
    c.put("P2 method", "the events are produced first; each consumer is timed from its consumer group becoming stable"
        + " to every distinct (workspace, messageId) being stored; Granular first, then Granular under the other processing"
        + " guarantee (its own group, database and topics), then the Kafka engine, never two at once");
    c.put("processing guarantee", base.kafka().processingGuarantee() + " (KAFKA_PROCESSING_GUARANTEE); the cost of"
        + " exactly-once compares it with " + Guarantees.other(base.kafka().processingGuarantee()) + " in P2 and P1 (a)");
    c.put("P3 method", "events written straight into user_events with 1 ms apart processing times; state up to the cursor"
        + " built first; then one task over (cursor, end] against one task over (0, end] on empty state tables, both run"
        + " by the compute sink's own task code; rows read summed from system.query_log over the query ids the client gave"
        + " each task's statements");
    c.put("P6 method", "one app process with the built-in scheduler on (production-like ticks of every workspace);"
        + " the size's workspaces get their definitions and the run waits until the app has compiled them all; then"
        + " each offered rate in turn is produced on a token schedule (the n-th record due at start + n / rate) for a"
        + " warm-up, the measured period and a 10 s tail, every record stamped with its send time as its event time;"
        + " workspaces are drawn with Zipf skew, the whale busiest, with the generator's restatements, near-duplicates,"
        + " late and invalid records. Freshness of an event = from its send time to the finish of the first plan"
        + " whose window covers it (its results visible in ClickHouse); percentiles over every small-workspace event"
        + " (all but the whale's) sent in the measured period, found in user_events by event time (a restatement"
        + " once, at its first arrival). An event not covered when observed after the tail, or sent but not yet"
        + " stored, counts with its age then, a lower bound (marked ≥). A step holds when p99 ≤ 10 s and the app's"
        + " unread user-events after the tail are at most 10 s of the offered rate; stepping stops at the first step"
        + " that does not hold. Plans from the task and result topics; CPU from /proc (app: its process's CPU time"
        + " over the measured period; machine: /proc/stat busy share); RSS = the app's VmRSS at the end of the period");
    c.put("P5 method", "VmHWM from /proc/PID/status of the app process, read just before it is stopped (P1 and P2; P6"
        + " gives its VmRSS per step and its VmHWM in the notes)");
    return c;
  }

  private interface Step {
    void run() throws Exception;
  }

  private void step(Scenario scenario, Step body) {
    if (!selected.contains(scenario)) {
      return;
    }
    String before = Machine.loadAverage();
    long start = System.nanoTime();
    System.out.println("== " + scenario + " ==");
    try {
      body.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      figures.add(Figure.notMeasured(scenario.name(), "scenario", "", "failed: " + e));
      notes.add(scenario + " failed: " + e);
    }
    notes.add(String.format(Locale.ROOT, "%s took %.0f s; load average (1/5/15 min) %s before, %s after", scenario,
        (System.nanoTime() - start) / 1e9, before, Machine.loadAverage()));
    List<Scenario> pending = RUN_ORDER.subList(RUN_ORDER.indexOf(scenario) + 1, RUN_ORDER.size()).stream()
        .filter(selected::contains).toList();
    if (!pending.isEmpty()) {
      afterEachScenario.accept(report(pending));
    }
  }
}
