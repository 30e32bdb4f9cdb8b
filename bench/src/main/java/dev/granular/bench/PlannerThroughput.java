package dev.granular.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** P4: {@link PlannerBenchmark} under JMH, one fork, its warm-up and measurement iterations as the size sets them. */
public final class PlannerThroughput {
  /**
   * @param ticksPerSecond JMH's score (mean over the measurement iterations)
   * @param error          half-width of its 99.9% confidence interval
   */
  public record Result(String label, int partsPerPlan, double ticksPerSecond, double error, int warmUps, int iterations,
      Duration iteration) {}

  private final int warmUps;
  private final Duration batch;
  private final int batches;

  /** @param warmUps warm-up iterations, each as long as a measured one ({@code batch}) */
  public PlannerThroughput(int warmUps, Duration batch, int batches) {
    this.warmUps = warmUps;
    this.batch = batch;
    this.batches = batches;
  }

  public List<Result> run() throws RunnerException {
    Options options = new OptionsBuilder().include(PlannerBenchmark.class.getName() + ".tick").forks(1)
        .warmupIterations(warmUps).warmupTime(TimeValue.milliseconds(batch.toMillis()))
        .measurementIterations(batches).measurementTime(TimeValue.milliseconds(batch.toMillis()))
        .jvmArgsAppend("-Xmx256m").shouldFailOnError(true).build();
    Collection<RunResult> results = new Runner(options).run();
    List<Result> out = new ArrayList<>();
    for (RunResult r : results) {
      int parts = PlanningLoop.of(r.getParams().getParam("load")).tick(); // the plan's shape, once
      String label = parts == 1 ? "small workspace (1 part per plan)" : "whale (plans split into " + parts + " parts)";
      out.add(new Result(label, parts, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), warmUps,
          batches, batch));
    }
    return out;
  }
}
