package dev.granular.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P4 under JMH: ticks planned per second on one thread, for a small workspace (one part per plan) and a whale
 * (plans split into 25 parts). {@link PlannerThroughput} runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PlannerBenchmark {
  /** "events per tick:threshold": 100 events under T = 1M is one part; 1M events at T = 1M x 25 properties is 25. */
  @Param({"100:1000000", "1000000:1000000"})
  public String load;

  private PlanningLoop loop;

  @Setup(Level.Trial)
  public void setUp() {
    loop = PlanningLoop.of(load);
  }

  /** Returned, so the JIT cannot drop the work. */
  @Benchmark
  public int tick() {
    return loop.tick();
  }
}
