package dev.granular.sink.scenario;

import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.client.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** {@code evaluate}: a scenario in a scratch database, one JSON line per compute step. */
public final class Evaluation {
  /** Survives a ClickHouse restart of some seconds; every statement of a run is safe to repeat. */
  public static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(60));

  private Evaluation() {
  }

  /**
   * Parses first (a bad scenario touches nothing), then runs in a scratch database named
   * {@code <prefix>_<random>} on the server of {@code server}, which is dropped afterwards.
   *
   * @throws ScenarioException for a scenario that cannot be run
   */
  public static List<ComputeStepResult> run(ClickHouseSettings server, String prefix, String scenarioJson,
      Consumer<String> lines) {
    Scenario scenario = ScenarioParser.parse(scenarioJson);
    try (ScratchDatabase scratch = ScratchDatabase.create(server, prefix)) {
      return new ScenarioRunner(scratch.clickHouse(), RETRY).run(scenario, result -> lines.accept(result.toJsonLine()));
    }
  }
}
