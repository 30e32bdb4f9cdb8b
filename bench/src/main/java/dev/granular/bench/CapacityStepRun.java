package dev.granular.bench;

import dev.granular.app.topology.StreamsRole;
import dev.granular.app.config.AppConfig;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadSink;
import dev.granular.bench.load.ZipfTraffic;
import dev.granular.sink.client.ClickHouse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Runs and measures one P6 step: produce at the offered rate through the warm-up, the measured period and a tail
 * of 10 s, reading the app's CPU, the machine's CPU and the app's RSS at the measured period's ends and the ingest
 * backlog once the producer has flushed; then the delays of the small workspaces' events sent in the measured
 * period ({@link EventDelays}, {@link StepFreshness}).
 */
final class CapacityStepRun implements AutoCloseable {
  private final AppConfig config;
  private final AppProcess app;
  private final PacedProducer producer;
  private final String whaleId;
  private final CapacitySize size;
  private final PlanFollower plans;
  private final GroupLag ingest;
  private final ClickHouse ch;
  /** After the measured period, as long as the target: an event of the period not visible by then missed it. */
  static final Duration TAIL = Duration.ofMillis(CapacityCurve.TARGET_P99_MS);

  CapacityStepRun(AppConfig config, AppProcess app, ZipfTraffic traffic, String whaleId, CapacitySize size) {
    this.config = config;
    this.app = app;
    this.producer = new PacedProducer(traffic, whaleId);
    this.whaleId = whaleId;
    this.size = size;
    this.plans = new PlanFollower(config);
    this.ingest = new GroupLag(config.kafka().bootstrapServers(), StreamsRole.INGEST.applicationId(config),
        config.topics().userEvents());
    this.ch = new ClickHouse(config.clickHouse());
  }

  /** How the warm-up before the first step ended: how long it ran and how many workspaces had computed events. */
  record WarmUp(Duration took, int workspacesPlanned, int workspaces) {}

  /**
   * Offers {@code rate} until at least {@value #WARM_SHARE} of the {@code workspaces} have completed a plan over
   * events (or {@code timeout} passes). A workspace's first plan is a one-off: it computes every leaf from the start and
   * resolves every user of its time-dependent leaves; later plans cover only their window. Without this the
   * first step would measure 1,000 such first plans instead of the steady state the curve is about.
   */
  WarmUp warmUp(long rate, int workspaces, Duration timeout) throws Exception {
    long from = System.currentTimeMillis();
    long deadline = System.nanoTime() + timeout.toNanos();
    int planned = 0;
    try (LoadSink sink = KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
        config.topics().definitions(), config.ingest().maxPayloadBytes())) {
      while (planned < Math.ceil(WARM_SHARE * workspaces) && System.nanoTime() < deadline) {
        app.requireAlive();
        producer.run(sink, new Pacer(rate), Math.min(deadline, System.nanoTime() + WARM_CHECK.toNanos()));
        plans.refresh();
        planned = plans.workspacesComputedSince(from).size();
      }
    }
    return new WarmUp(Duration.ofMillis(System.currentTimeMillis() - from), planned, workspaces);
  }

  /** Of the workspaces, the share that must have completed a plan first: a few in the Zipf tail may get no event for a while. */
  static final double WARM_SHARE = 0.99;
  private static final Duration WARM_CHECK = Duration.ofSeconds(5);

  CapacityStep run(long rate) throws Exception {
    app.requireAlive();
    PacedProducer.Sent sent;
    long fromMs;
    long untilMs;
    double seconds;
    Optional<Duration> cpuBefore;
    Optional<Duration> cpuAfter;
    Optional<CpuTicks> ticksBefore;
    Optional<CpuTicks> ticksAfter;
    OptionalLong rss;
    try (LoadSink sink = KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
        config.topics().definitions(), config.ingest().maxPayloadBytes())) {
      producer.run(sink, new Pacer(rate), System.nanoTime() + size.warmUp().toNanos());
      fromMs = System.currentTimeMillis();
      cpuBefore = app.cpu();
      ticksBefore = CpuTicks.now();
      long start = System.nanoTime();
      sent = producer.run(sink, new Pacer(rate), start + size.measured().toNanos());
      seconds = (System.nanoTime() - start) / 1e9;
      untilMs = System.currentTimeMillis();
      cpuAfter = app.cpu();
      ticksAfter = CpuTicks.now();
      rss = ProcStatus.rssBytes(app.pid());
      // The load goes on for the target's length, so an event of the period that is not visible by then is late.
      producer.run(sink, new Pacer(rate), System.nanoTime() + TAIL.toNanos());
    }
    OptionalLong backlog = ingest.records(); // after the flush, so every record sent is on the topic
    long observedAtMs = System.currentTimeMillis();
    plans.refresh();
    long untilFinal = untilMs;
    long completedInPeriod = plans.completedSince(fromMs).stream().filter(p -> p.finishedAtMs() <= untilFinal).count();
    List<PlanFollower.Completed> small = plans.completedSince(fromMs).stream()
        .filter(p -> !p.workspaceId().equals(whaleId)).toList();
    List<EventDelays.Bucket> delays = EventDelays.of(ch, small, whaleId, fromMs, untilMs, observedAtMs);
    long found = delays.stream().mapToLong(EventDelays.Bucket::count).sum();
    // Not visible when observed, so older than that by more than 0 ms: a tail of exactly 10 s cannot pass for 10 s.
    long missing = Math.max(0, sent.onTimeSmall() - found);
    System.out.printf(java.util.Locale.ROOT, "P6 %,d events/s: %,d on-time small-workspace events sent in the measured"
        + " period, %,d found in ClickHouse, %,d of them not covered by a completed plan %.0f s later%n", rate,
        sent.onTimeSmall(), found, delays.stream().filter(EventDelays.Bucket::censored)
            .mapToLong(EventDelays.Bucket::count).sum(), (observedAtMs - untilMs) / 1000.0);
    OptionalDouble cores = cpuBefore.isPresent() && cpuAfter.isPresent()
        ? Ratio.of(cpuAfter.get().minus(cpuBefore.get()).toNanos() / 1e9, seconds) : OptionalDouble.empty();
    return new CapacityStep(rate, sent.records() / seconds,
        StepFreshness.stats(delays, missing, observedAtMs - untilMs + 1), cores, CpuTicks.busyShare(ticksBefore, ticksAfter),
        rss, backlog.isPresent() ? Ratio.of(backlog.getAsLong(), rate) : OptionalDouble.empty(),
        Ratio.of(completedInPeriod, (untilMs - fromMs) / 1000.0));
  }

  /**
   * Waits until the app has compiled {@code definitions} times: the planner compiles a workspace once per
   * definition it applies, so then every workspace has all its properties. (The definitions topic's consumer lag
   * reaches 0 long before: the topic is read and passed on to the planner's partitions first.)
   */
  static boolean awaitCompiled(AppConfig config, AppProcess app, long definitions, Duration timeout)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      app.requireAlive();
      OptionalDouble compiled = AppMetrics.scrape(config.http().port())
          .map(m -> m.sum("granular_definitions_compile_seconds_count", java.util.Map.of())).orElse(OptionalDouble.empty());
      if (compiled.isPresent() && compiled.getAsDouble() >= definitions) {
        return true;
      }
      Thread.sleep(2_000);
    }
    return false;
  }

  @Override
  public void close() {
    plans.close();
    ingest.close();
    ch.close();
  }
}
