package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.bench.cli.GenerateCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadConfigTest {
  @Test
  void workspacesAreNumberedSmallFirstThenTheWhale() {
    LoadConfig config = LoadConfig.builder().workspacePrefix("p1").smallWorkspaces(50).eventsPerWorkspace(100)
        .whaleFactor(100).usersPerWorkspace(300).build();
    assertEquals(51, config.workspaceCount());
    assertEquals("p1-001", config.workspaceId(0));
    assertEquals("p1-050", config.workspaceId(49));
    assertEquals("p1-whale", config.workspaceId(50));
    assertEquals(10_000, config.eventsFor(50));
    assertEquals(30_000, config.usersFor(50));
    assertEquals(15_000, config.totalEvents());
    assertEquals("load-42", config.runId());
  }

  @Test
  void noWhaleByDefault() {
    LoadConfig config = LoadConfig.builder().build();
    assertFalse(config.hasWhale());
    assertEquals(10, config.workspaceCount());
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().restatementRate(1.5).build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().restatementRate(0.6).invalidRate(0.5).build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().smallWorkspaces(0).build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().maxLatenessMs(0).build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().sharedPredicates(0).build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().workspacePrefix("a/b").build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().runId("r".repeat(25)).maxFieldLength(30).build());
    assertThrows(IllegalArgumentException.class, () -> LoadConfig.builder().maxFieldLength(16).build(), "event names too long");
    LoadConfig.builder().runId("r".repeat(12)).maxFieldLength(30).build(); // "rrrrrrrrrrrr-w10-9999" fits
  }

  @Test
  void parsingNoOptionsKeepsEveryDefault() {
    GenerateCommand command = new GenerateCommand();
    new CommandLine(command).parseArgs("--out", "somewhere");
    assertEquals(LoadConfig.builder().maxPayloadBytes(1_000).maxFieldLength(40).build(), command.loadConfig(1_000, 40));
  }

  @Test
  void theHelpShowsEachOptionsDefault() {
    String help = new CommandLine(new GenerateCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
    for (String shown : new String[] {"--seed=<seed> Default 42.", "Users per small workspace (default 1000).",
        "Zipf exponent of user activity (default 1.1).", "--max-lateness-seconds=<maxLatenessSeconds> Default 600.",
        "ISO-8601 or 'now' (default 2025-01-01T00:00:00Z).", "span of every workspace (default 3600)."}) {
      assertTrue(help.contains(shown), shown + " not in: " + help);
    }
  }

  @Test
  void theCommandRejectsAStartThatIsNoInstant() {
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new GenerateCommand()).parseArgs("--kafka", "--start", "yesterday"));
    assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
  }

  @Test
  void theCommandsOptionsReachTheConfig() {
    GenerateCommand command = new GenerateCommand();
    new CommandLine(command).parseArgs("--kafka", "--seed", "7", "--run-id", "r1", "--workspaces", "50", "--events", "2000",
        "--whale-factor", "100", "--users", "500", "--restatements", "0.1", "--out-of-order", "0.2",
        "--max-lateness-seconds", "30", "--invalid", "0.003", "--segments", "200", "--user-properties", "3",
        "--shared-predicates", "40", "--start", "2026-03-01T00:00:00Z", "--duration-seconds", "60");
    LoadConfig config = command.loadConfig(1_000, 40);
    assertEquals(LoadConfig.builder().seed(7).runId("r1").smallWorkspaces(50).eventsPerWorkspace(2_000).whaleFactor(100)
        .usersPerWorkspace(500).restatementRate(0.1).outOfOrderRate(0.2).maxLatenessMs(30_000).invalidRate(0.003)
        .segmentsPerWorkspace(200).userPropertiesPerWorkspace(3).sharedPredicates(40).startTimeMs(1_772_323_200_000L)
        .durationMs(60_000).maxPayloadBytes(1_000).maxFieldLength(40).build(), config);
  }

  @Test
  void theCommandNeedsExactlyOneTarget() {
    assertThrows(CommandLine.ParameterException.class, () -> new CommandLine(new GenerateCommand()).parseArgs());
    assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new GenerateCommand()).parseArgs("--kafka", "--out", "x"));
  }
}
