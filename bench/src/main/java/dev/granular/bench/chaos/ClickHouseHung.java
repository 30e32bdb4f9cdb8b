package dev.granular.bench.chaos;

import java.time.Duration;

/**
 * ClickHouse frozen with SIGSTOP (connections stay open, nothing answers), an instance SIGKILLed during the
 * hang and started again, then SIGCONT.
 */
record ClickHouseHung(Duration hang) implements Scenario {
  public String key() {
    return "clickhouse-hung";
  }

  public String title() {
    return "ClickHouse hung (SIGSTOP) for " + hang.toSeconds() + " s, an instance SIGKILLed during the hang";
  }

  public void inject(ChaosContext ctx) throws Exception {
    ctx.awaitConsumed(0.2);
    long pid = ctx.services.clickHousePid();
    Services.signal("STOP", pid);
    ctx.note("ClickHouse SIGSTOP at input lag " + ctx.lag.current());
    try {
      ctx.pause(hang.dividedBy(4));
      ctx.fleet.kill(0);
      ctx.fleet.start(0);
      ctx.note("instance 0 SIGKILLed and started again during the hang");
      ctx.pause(hang.minus(hang.dividedBy(4)));
    } finally {
      Services.signal("CONT", pid);
    }
    ctx.note("ClickHouse SIGCONT");
    ctx.faultEnded();
  }
}
