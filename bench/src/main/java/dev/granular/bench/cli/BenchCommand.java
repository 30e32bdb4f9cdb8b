package dev.granular.bench.cli;

import dev.granular.bench.BenchReport;
import dev.granular.bench.BenchRun;
import dev.granular.bench.BenchSize;
import dev.granular.bench.ReportWriter;
import dev.granular.app.config.AppConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** `granular-bench bench`: the benchmarks of issue 5 on the local broker and ClickHouse; writes BENCHMARKS.md and benchmarks.json. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measure whale fairness (P1), ingest against ClickHouse's Kafka engine (P2), incremental cost (P3),"
        + " planner throughput (P4), memory (P5) and the capacity curve (P6) on the local services; write BENCHMARKS.md,"
        + " benchmarks.json and P6's chart bench-capacity.svg.")
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  BenchCli parent;

  @Option(names = "--size", defaultValue = "default", description = "default (about 20 minutes on 2 cores), full, or smoke (a few minutes; checks that every"
      + " scenario runs, the figures mean nothing).")
  String size;

  @Option(names = "--only", split = ",", paramLabel = "P1,P2,P3,P4,P6", description = "Run only these scenarios (default: all).")
  Set<BenchRun.Scenario> only = EnumSet.noneOf(BenchRun.Scenario.class);

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Where BENCHMARKS.md and benchmarks.json go.")
  Path out;

  @Option(names = "--work-dir", defaultValue = ".run/bench", paramLabel = "DIR", description = "App logs, configs and state.")
  Path workDir;

  @Option(names = "--invoked-as", hidden = true, description = "How the run was started (e.g. `make bench`), for the report.")
  String invokedAs;

  @Override
  public Integer call() throws Exception {
    AppConfig config = parent.config();
    requireLoopback(config);
    Files.createDirectories(workDir);
    String exact = exactCommand(ProcessHandle.current().info().arguments().orElse(new String[] {"bench"}));
    String command = invokedAs == null ? exact : invokedAs + " (runs: " + exact + ")";
    BenchReport report = new BenchRun(config, BenchSize.named(size), workDir.toAbsolutePath(), only, command).run(partial -> {
      try {
        System.out.println("wrote the figures so far to " + ReportWriter.write(partial, out).get(0));
      } catch (java.io.IOException e) {
        System.err.println("bench: cannot write the partial report: " + e.getMessage());
      }
    });
    var files = ReportWriter.write(report, out);
    System.out.println();
    System.out.print(ReportWriter.figureTable(report));
    System.out.println();
    System.out.println("wrote " + files.get(0) + " and " + files.get(1));
    return 0;
  }

  /** This JVM's command line as a user would type it; the report-only --invoked-as is left out. */
  static String exactCommand(String[] arguments) {
    StringBuilder command = new StringBuilder("java");
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].equals("--invoked-as")) {
        i++;
        continue;
      }
      String a = arguments[i];
      command.append(' ').append(a.isEmpty() || a.matches(".*[\\s\"'$].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
    }
    return command.toString();
  }

  /** The benchmarks create topics, databases and load: never against anything but this machine's services. */
  static void requireLoopback(AppConfig config) {
    List<String> hosts = new java.util.ArrayList<>();
    for (String server : config.kafka().bootstrapServers().split(",")) {
      hosts.add(server.trim().replaceAll(":\\d+$", "").replace("[", "").replace("]", ""));
    }
    hosts.add(URI.create(config.clickHouse().url()).getHost());
    for (String host : hosts) {
      if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1"))) {
        throw new IllegalArgumentException("bench runs only against loopback services, not " + host);
      }
    }
  }
}
