package dev.granular.app.planner;

import dev.granular.app.dlq.DeadLetterMetrics;
import dev.granular.app.support.Latency;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;

/**
 * The planner: plans (split or not), parts sent, retries, parked parts by priority, completed plans; how far the
 * cursor trailed the watermark when each plan was made, and how fresh each completed plan's results were.
 */
public final class PlannerMetrics {
  private final Counter plans;
  private final Counter splitPlans;
  private final Counter parts;
  private final Counter retries;
  private final Map<Boolean, Counter> parked;
  private final Counter completed;
  private final Timer cursorLag;
  private final Timer freshness;
  private final DeadLetterMetrics deadLetters;
  private final Timer compiles;

  public PlannerMetrics(MeterRegistry registry, DeadLetterMetrics deadLetters) {
    compiles = Latency.statement("granular.definitions.compile",
        "workspace compiles: one per definitions change, shared by the planner and the compute sink").register(registry);
    this.deadLetters = deadLetters;
    plans = Counter.builder("granular.planner.plans").description("plans made").register(registry);
    splitPlans = Counter.builder("granular.planner.plans.split").description("plans split into parts over T").register(registry);
    parts = Counter.builder("granular.planner.parts").description("compute tasks sent, retries included").register(registry);
    retries = Counter.builder("granular.planner.retries").description("compute tasks sent again after a failed attempt").register(registry);
    parked = Map.of(true, parkedCounter(registry, true), false, parkedCounter(registry, false));
    completed = Counter.builder("granular.planner.completed").description("plans whose every part succeeded").register(registry);
    Gauge.builder("granular.planner.split.ratio", this, m -> m.plans.count() == 0 ? 0 : m.splitPlans.count() / m.plans.count())
        .description("split plans / plans since start").register(registry);
    cursorLag = Latency.staleness("granular.planner.cursor.lag", "ingest watermark minus cursor when a plan is made").register(registry);
    freshness = Latency.staleness("granular.planner.freshness",
        "a completed plan's finish time minus its window end: how stale its newest event was when its result landed").register(registry);
  }

  private static Counter parkedCounter(MeterRegistry registry, boolean priority) {
    return Counter.builder("granular.planner.parked").description("compute tasks parked after their attempts ran out")
        .tag("priority", Boolean.toString(priority)).register(registry);
  }

  /** A new plan is in flight; {@code s} holds the cursor and watermark it was planned from. */
  void planned(PlannerState s, Plan plan) {
    plans.increment();
    if (plan.getSplit()) {
      splitPlans.increment();
    }
    cursorLag.record(Duration.ofMillis(Math.max(0, s.getWatermarkMs() - s.getCursorMs())));
  }

  void sent(ComputeTask task) {
    parts.increment();
    if (task.getAttempt() > 1) {
      retries.increment();
    }
  }

  /** A workspace was compiled; its duration in nanoseconds. */
  public void compiled(long nanos) {
    compiles.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public long compileCount() {
    return compiles.count();
  }

  void parked(ComputeTask task) {
    parked.get(task.getPriority()).increment();
    deadLetters.sent(DeadLetterMetrics.Source.TASKS, DeadLetterMetrics.PARKED);
  }

  /**
   * {@code plan} is summarized: its finish time is the last part's. A plan over no received event (a window ending
   * at 0, e.g. new definitions before any event) has no freshness: counted from time 0 it would read as 56 years and,
   * summed in nanoseconds, overflow the histogram's sum.
   */
  void completed(Plan plan) {
    completed.increment();
    if (plan.getWindowToMs() > 0) {
      freshness.record(Duration.ofMillis(Math.max(0, plan.getFinishedAtMs() - plan.getWindowToMs())));
    }
  }

  public double parkedCount() {
    return parked.values().stream().mapToDouble(Counter::count).sum();
  }

  public double completedCount() {
    return completed.count();
  }

  public double splitPlanCount() {
    return splitPlans.count();
  }
}
