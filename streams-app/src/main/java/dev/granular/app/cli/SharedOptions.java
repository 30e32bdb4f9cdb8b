package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options and settings many commands share, as picocli mixins ({@code @Mixin}). */
final class SharedOptions {
  private SharedOptions() {}

  /**
   * The settings: the defaults, environment variables and the root command's {@code --config FILE}. No option of
   * its own, so picocli needs the {@code @Command} to accept it as a mixin.
   */
  @Command
  static final class Config {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    AppConfig config() {
      return ((GranularCli) mixee.root().userObject()).config();
    }
  }

  /** {@code --json}: one JSON object per line instead of text. */
  static final class Json {
    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;
  }

  /** {@code --workspace W}, required: the workspace the command is about. */
  static final class Workspace {
    @Option(names = "--workspace", paramLabel = "W", required = true, description = "The workspace.")
    String workspace;
  }

  /** {@code --workspace W}, optional: only this workspace (all when absent). */
  static final class WorkspaceFilter {
    @Option(names = "--workspace", paramLabel = "W", description = "Only this workspace.")
    String workspace;

    boolean includes(String candidate) {
      return workspace == null || workspace.equals(candidate);
    }
  }
}
