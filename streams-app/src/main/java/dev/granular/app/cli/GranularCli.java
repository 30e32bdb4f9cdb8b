package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.app.config.InvalidConfigException;
import dev.granular.app.lifecycle.LifecycleException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of granular.jar. */
@Command(name = "granular", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Keeps per-workspace segments and user properties fresh in ClickHouse, on Kafka Streams.",
    subcommands = {RunCommand.class, MigrateCommand.class, ProduceCommand.class, SampleLoadCommand.class,
        SummaryCommand.class, DescribeCommand.class, TickCommand.class, ExplainCommand.class, StatusCommand.class,
        QueryCommand.class, ChangesCommand.class, EvaluateCommand.class, BackfillCommand.class, ResetCommand.class,
        CleanStateCommand.class})
public final class GranularCli {
  @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "HOCON file merged over the defaults (environment variables still apply).")
  Path configFile;

  AppConfig config() {
    return AppConfig.load(configFile);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new GranularCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof LifecycleException) {
        cmd.getErr().println("granular: " + e.getMessage());
        return 3; // refused or failed; the message says what was changed
      }
      if (e instanceof InvalidConfigException) {
        cmd.getErr().println("granular: " + e.getMessage());
        return 78; // EX_CONFIG
      }
      cmd.getErr().println("granular: " + e.getMessage());
      throw e;
    });
    return cli.execute(args);
  }
}
