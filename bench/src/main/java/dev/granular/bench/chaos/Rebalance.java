package dev.granular.bench.chaos;

/** Starts with one instance, adds a second mid-run, then stops the first (SIGTERM): two rebalances. */
record Rebalance() implements Scenario {
  public String key() {
    return "rebalance";
  }

  public String title() {
    return "an instance added, then one removed, mid-run";
  }

  public int initialInstances() {
    return 1;
  }

  public void inject(ChaosContext ctx) throws Exception {
    ctx.awaitConsumed(0.25);
    ctx.fleet.start(1);
    ctx.note("instance 1 added at input lag " + ctx.lag.current());
    ctx.awaitConsumed(0.6);
    ctx.fleet.stop(0);
    ctx.note("instance 0 removed (SIGTERM) at input lag " + ctx.lag.current());
    ctx.faultEnded();
  }
}
