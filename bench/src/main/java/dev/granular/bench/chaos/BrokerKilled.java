package dev.granular.bench.chaos;

import java.time.Duration;

/** One broker of the 3-broker cluster SIGKILLed mid-run and started again (replication factor 3, min ISR 2). */
record BrokerKilled(int node, Duration down) implements Scenario {
  public String key() {
    return "broker-killed";
  }

  public String title() {
    return "broker " + node + " of 3 SIGKILLed, restarted after " + down.toSeconds() + " s";
  }

  public boolean onCluster() {
    return true;
  }

  public void inject(ChaosContext ctx) throws Exception {
    ctx.awaitConsumed(0.2);
    Services.signal("KILL", ctx.services.brokerPid(node));
    ctx.note("broker " + node + " SIGKILLed at input lag " + ctx.lag.current());
    ctx.pause(down);
    ctx.services.brokerUp(node);
    ctx.note("broker " + node + " started again");
    ctx.faultEnded();
  }
}
