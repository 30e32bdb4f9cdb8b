package dev.granular.app.planner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Planner counters: plans, split plans, parts sent, coalesced ticks, parked plans. */
public final class PlannerMetrics {
  private final Counter plans;
  private final Counter splitPlans;
  private final Counter parts;
  private final Counter retries;
  private final Counter parked;
  private final Counter completed;

  public PlannerMetrics(MeterRegistry registry) {
    plans = Counter.builder("granular.planner.plans").register(registry);
    splitPlans = Counter.builder("granular.planner.plans.split").register(registry);
    parts = Counter.builder("granular.planner.parts").register(registry);
    retries = Counter.builder("granular.planner.retries").register(registry);
    parked = Counter.builder("granular.planner.parked").description("plans parked after their attempts ran out").register(registry);
    completed = Counter.builder("granular.planner.completed").register(registry);
  }

  void sent(dev.granular.avro.ComputeTask task) {
    parts.increment();
    if (task.getAttempt() > 1) {
      retries.increment();
    } else if (task.getPart() == 0) {
      plans.increment();
      if (task.getPriority()) {
        splitPlans.increment();
      }
    }
  }

  void parked() {
    parked.increment();
  }

  void completed() {
    completed.increment();
  }

  public double parkedCount() {
    return parked.count();
  }

  public double completedCount() {
    return completed.count();
  }

  public double splitPlanCount() {
    return splitPlans.count();
  }
}
