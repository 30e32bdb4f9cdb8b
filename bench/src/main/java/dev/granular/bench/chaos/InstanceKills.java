package dev.granular.bench.chaos;

import java.time.Duration;

/** SIGKILLs spread over both instances while the load flows, each instance started again at once. */
record InstanceKills(int kills, Duration every) implements Scenario {
  public String key() {
    return "sigkill";
  }

  public String title() {
    return kills + " SIGKILLs over 2 instances";
  }

  public void inject(ChaosContext ctx) throws Exception {
    ctx.awaitConsumed(0.05);
    for (int k = 0; k < kills; k++) {
      int victim = k % 2;
      ctx.fleet.kill(victim);
      ctx.fleet.start(victim);
      ctx.note("SIGKILL " + (k + 1) + " of " + kills + ": instance " + victim + " at input lag " + ctx.lag.current());
      if (k < kills - 1) {
        ctx.pause(every);
      }
    }
    ctx.faultEnded();
  }
}
