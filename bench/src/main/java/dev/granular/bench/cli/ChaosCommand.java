package dev.granular.bench.cli;

import dev.granular.bench.chaos.Chaos;
import dev.granular.bench.chaos.ChaosSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Faults with figures: a clean run of a generated load, then the same load under each fault (SIGKILLs,",
        "ClickHouse stopped and hung, a broker killed, a rebalance, definitions churn), each compared with the clean run.",
        "Writes RELIABILITY.md and reliability.json; exits 1 when a loss, duplicate or identity figure is not 0 or equal.",
        "Needs the local Kafka (make services-up); starts its own ClickHouse on 127.0.0.1:18123 and, for the broker",
        "scenario, its own 3-broker cluster on 127.0.0.1:19092-19097."})
public final class ChaosCommand implements Callable<Integer> {
  @Option(names = "--size", description = "default (about 510,000 events per run, within 20 minutes), full, or smoke (a quick check of the harness).", defaultValue = "default")
  String size;

  @Option(names = "--only", split = ",", paramLabel = "KEY", description = "Only these scenarios: sigkill, clickhouse-stopped,"
      + " clickhouse-hung, broker-killed, rebalance, definitions-churn.")
  List<String> only = new ArrayList<>();

  @Option(names = "--commit-interval", description = "The app's commit interval in every run (default: ${DEFAULT-VALUE}; the app's"
      + " own default is 5s). Under exactly-once each hop between the app's stages waits for a commit, so this sets how"
      + " long a run takes; the report states it.", defaultValue = "1s")
  String commitInterval;

  @Option(names = "--root", description = "The checkout: services/*.sh and where the report goes (default: .).", defaultValue = ".")
  Path root;

  @Option(names = "--invoked-as", description = "How the report says it was run.", defaultValue = "granular-bench chaos")
  String invokedAs;

  @Override
  public Integer call() throws Exception {
    return Chaos.run(ChaosSize.valueOf(size.toUpperCase(java.util.Locale.ROOT)), only, root.toAbsolutePath(), invokedAs,
        com.typesafe.config.ConfigFactory.parseMap(java.util.Map.of("d", commitInterval)).getDuration("d"));
  }
}
