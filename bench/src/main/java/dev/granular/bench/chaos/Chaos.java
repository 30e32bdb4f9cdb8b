package dev.granular.bench.chaos;

import dev.granular.app.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `make chaos`: a clean run of the load, then each scenario's faulty run compared with it, on a private
 * ClickHouse (and for the broker scenario a private 3-broker cluster) that the runs may stop, freeze and kill.
 */
public final class Chaos {
  private Chaos() {}

  /** Every scenario of the issue, in order. */
  static List<Scenario> scenarios() {
    return List.of(new InstanceKills(10, Duration.ofSeconds(6)), new ClickHouseStopped(Duration.ofSeconds(60)),
        new ClickHouseHung(Duration.ofSeconds(40)), new BrokerKilled(2, Duration.ofSeconds(20)), new Rebalance(), new DefinitionsChurn(2));
  }

  /** @return 0 when every loss, duplicate and identity figure is 0 or equal, 1 otherwise */
  public static int run(ChaosSize size, List<String> only, Path root, String invokedAs, Duration commitInterval) throws Exception {
    long started = System.currentTimeMillis();
    List<Scenario> chosen = scenarios().stream().filter(s -> only.isEmpty() || only.contains(s.key())).toList();
    Services services = new Services(root);
    Path work = Files.createDirectories(root.resolve(".run/chaos-work"));
    String broker = AppConfig.load(null, Map.of()).kafka().bootstrapServers();
    ChaosRun runs = new ChaosRun(size, services, work,
        Map.of("granular.kafka.commit-interval", commitInterval.toMillis() + "ms"), broker);
    boolean cluster = chosen.stream().anyMatch(Scenario::onCluster);
    Thread stopServers = new Thread(() -> stopQuietly(services, cluster), "chaos-stop-servers"); // also on Ctrl-C
    Runtime.getRuntime().addShutdownHook(stopServers);
    services.clickHouseUp();
    if (cluster) {
      services.clusterUp();
    }
    RunFigures clean;
    List<ScenarioVerdict> verdicts = new ArrayList<>();
    try {
      clean = runs.run(new Scenario.Clean());
      for (Scenario s : chosen) {
        ScenarioVerdict v = ScenarioVerdict.of(runs.run(s), clean);
        System.out.println("chaos: " + s.title() + ": " + (v.passed() ? "ok" : "FAILED " + v.failures()));
        verdicts.add(v);
      }
    } finally {
      stopQuietly(services, cluster);
      Runtime.getRuntime().removeShutdownHook(stopServers);
    }
    ReliabilityReport report = new ReliabilityReport(size, invokedAs, commitInterval, clean, verdicts,
        (System.currentTimeMillis() - started) / 1000.0);
    report.write(root.resolve("RELIABILITY.md"), root.resolve("reliability.json"));
    System.out.println("chaos: wrote RELIABILITY.md and reliability.json: " + (report.passed() ? "PASS" : "FAIL"));
    return report.passed() ? 0 : 1;
  }

  /** Both scripts stop only what their PID files name, so stopping twice is harmless. */
  private static void stopQuietly(Services services, boolean cluster) {
    try {
      if (cluster) {
        services.clusterDown();
      }
      services.clickHouseDown();
    } catch (Exception e) {
      System.err.println("chaos: could not stop the private servers: " + e.getMessage());
    }
  }
}
