package dev.granular.bench.chaos;

import dev.granular.bench.BenchEnv;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a scenario may act on while the load runs: the instances, the servers, the progress of the input. */
final class ChaosContext {
  final BenchEnv env;
  final Fleet fleet;
  final Services services;
  final LagWatch lag;
  final long totalRecords;
  final List<dev.granular.bench.load.GeneratedDefinition> definitions;
  final List<String> notes = new ArrayList<>();
  private volatile long faultEndedAtMs;
  private final long startedAtMs = System.currentTimeMillis();

  ChaosContext(BenchEnv env, Fleet fleet, Services services, LagWatch lag, long totalRecords,
      List<dev.granular.bench.load.GeneratedDefinition> definitions) {
    this.definitions = definitions;
    this.env = env;
    this.fleet = fleet;
    this.services = services;
    this.lag = lag;
    this.totalRecords = totalRecords;
  }

  /** Blocks until the group has committed this fraction of the input (faults then hit a run in full flow). */
  void awaitConsumed(double fraction) throws InterruptedException {
    long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
    while (lag.committed() < fraction * totalRecords) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("input not " + Math.round(fraction * 100) + "% consumed within 10 minutes");
      }
      Thread.sleep(200);
    }
  }

  void pause(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }

  /** Marks the end of the last fault: recovery is timed from here. */
  void faultEnded() {
    faultEndedAtMs = System.currentTimeMillis();
  }

  long faultEndedAtMs() {
    return faultEndedAtMs == 0 ? startedAtMs : faultEndedAtMs;
  }

  void note(String line) {
    notes.add(line);
    System.out.println("chaos:   " + line);
  }
}
