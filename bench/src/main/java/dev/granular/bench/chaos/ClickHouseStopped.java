package dev.granular.bench.chaos;

import java.time.Duration;

/** ClickHouse shut down mid-run and started again after a while; inserts and statements must ride it out. */
record ClickHouseStopped(Duration down) implements Scenario {
  public String key() {
    return "clickhouse-stopped";
  }

  public String title() {
    return "ClickHouse stopped for " + down.toSeconds() + " s";
  }

  public void inject(ChaosContext ctx) throws Exception {
    ctx.awaitConsumed(0.2);
    ctx.services.clickHouseDown();
    ctx.note("ClickHouse stopped at input lag " + ctx.lag.current());
    ctx.pause(down);
    ctx.services.clickHouseUp();
    ctx.note("ClickHouse started again");
    ctx.faultEnded();
  }
}
