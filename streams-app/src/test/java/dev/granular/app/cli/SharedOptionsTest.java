package dev.granular.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The mixins reach the root's --config, wherever it is given, and parse --workspace and --json for each command. */
class SharedOptionsTest {
  private static Object parsed(String... args) {
    ParseResult result = new CommandLine(new GranularCli()).parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result.commandSpec().userObject();
  }

  private static Path configFile(Path dir) throws IOException {
    Path file = dir.resolve("granular.conf");
    Files.writeString(file, "granular.clickhouse.database = \"mixin_test\"\n");
    return file;
  }

  @Test
  void aCommandReadsTheRootsConfigFile(@TempDir Path dir) throws IOException {
    ExplainCommand explain = (ExplainCommand) parsed("--config", configFile(dir).toString(), "explain", "--workspace", "acme", "--json");
    assertEquals("mixin_test", explain.settings.config().clickHouse().database());
    assertEquals("acme", explain.target.workspace);
    assertTrue(explain.output.json);
  }

  @Test
  void aNestedCommandReadsTheConfigFileGivenAfterIt(@TempDir Path dir) throws IOException {
    QueryCommand.Segment segment = (QueryCommand.Segment) parsed("query", "segment", "--workspace", "w", "--segment", "s",
        "--config", configFile(dir).toString());
    assertEquals("mixin_test", segment.settings.config().clickHouse().database());
    assertEquals("w", segment.target.workspace);
    assertFalse(segment.output.json);
  }

  @Test
  void withoutAConfigFileTheDefaultsApply() {
    RunCommand run = (RunCommand) parsed("run");
    assertEquals("granular", run.settings.config().clickHouse().database());
  }

  @Test
  void aRequiredWorkspaceIsRequiredAndAFilterIsNot() {
    assertThrows(CommandLine.MissingParameterException.class, () -> parsed("tick"));
    StatusCommand all = (StatusCommand) parsed("status");
    assertNull(all.workspace.workspace);
    assertTrue(all.workspace.includes("anything"));
    StatusCommand one = (StatusCommand) parsed("status", "--workspace", "a");
    assertTrue(one.workspace.includes("a"));
    assertFalse(one.workspace.includes("b"));
  }

  @Test
  void everyCommandThatTookJsonStillDoes() {
    CommandLine cli = new CommandLine(new GranularCli());
    for (String name : new String[] {"backfill", "changes", "clean-state", "explain", "reset", "status", "tick"}) {
      assertTrue(cli.getSubcommands().get(name).getCommandSpec().findOption("--json") != null, name);
    }
    for (String name : new String[] {"segment", "segment-size", "user"}) {
      assertTrue(cli.getSubcommands().get("query").getSubcommands().get(name).getCommandSpec().findOption("--json") != null, name);
    }
  }
}
