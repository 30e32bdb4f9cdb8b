package dev.granular.bench.chaos;

/**
 * One fault a chaos run injects while the load flows. {@link #inject} returns once the fault is over (and calls
 * {@link ChaosContext#faultEnded}); the run then waits for the app to catch up and measures.
 */
sealed interface Scenario permits Scenario.Clean, InstanceKills, ClickHouseStopped, ClickHouseHung, BrokerKilled, Rebalance,
    DefinitionsChurn {
  /** Short, stable: the JSON key. */
  String key();

  String title();

  /** Instances started before the load; a scenario may start more. */
  default int initialInstances() {
    return 2;
  }

  /** Runs on the private 3-broker cluster instead of the single broker. */
  default boolean onCluster() {
    return false;
  }

  void inject(ChaosContext ctx) throws Exception;

  /** No fault: the reference every other run is compared with. */
  record Clean() implements Scenario {
    public String key() {
      return "clean";
    }

    public String title() {
      return "clean run (the reference)";
    }

    public void inject(ChaosContext ctx) {
      ctx.faultEnded();
    }
  }
}
