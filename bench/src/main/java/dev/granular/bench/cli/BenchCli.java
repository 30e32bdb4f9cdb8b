package dev.granular.bench.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.app.config.InvalidConfigException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of granular-bench.jar: the benchmarks and the load generator, kept out of the app jar. They read the
 * app's settings ({@code config/application.conf}, the environment, {@code --config FILE}) as the app does.
 */
@Command(name = "granular-bench", mixinStandardHelpOptions = true, versionProvider = BenchCli.Version.class,
    description = "Benchmarks and load generation for Granular, on the local broker and ClickHouse.",
    subcommands = {BenchCommand.class, GenerateCommand.class, ChaosCommand.class})
public final class BenchCli {
  @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "HOCON file merged over the app's defaults (environment variables still apply).")
  Path configFile;

  AppConfig config() {
    return AppConfig.load(configFile);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new BenchCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("granular-bench: " + e.getMessage());
      if (e instanceof InvalidConfigException) {
        return 78; // EX_CONFIG, as the app
      }
      throw e;
    });
    return cli.execute(args);
  }

  /** The version from the jar manifest, written by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BenchCli.class.getPackage().getImplementationVersion();
      return new String[] {"granular-bench " + (v == null ? "(development build)" : v)};
    }
  }
}
