package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.bench.cli.BenchCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command end to end with file output (through BenchCli, as `java -jar granular-bench.jar generate` runs it). */
class GenerateCommandTest {
  @TempDir
  Path dir;

  private String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = new CommandLine(new BenchCli());
      assertEquals(0, cli.execute(args));
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheFilesAndPrintsTheSummaryLine() throws Exception {
    String line = run("generate", "--out", dir.toString(), "--workspaces", "3", "--events", "500", "--whale-factor", "4",
        "--segments", "5", "--user-properties", "2", "--seed", "5");
    assertTrue(line.startsWith("generated 3500 events (3 workspaces x 500, whale 4x = 2000): "), line);
    assertTrue(line.contains("; 28 definitions; seed 5, run load-5;") && line.trim().endsWith("-> " + dir), line);
    assertEquals(3500, Files.readAllLines(dir.resolve(JsonLinesSink.EVENTS_FILE)).size());
    assertEquals(28, Files.readAllLines(dir.resolve(JsonLinesSink.DEFINITIONS_FILE)).size());
  }

  @Test
  void printsTheSummaryAsJsonOnRequest() {
    String line = run("generate", "--out", dir.toString(), "--workspaces", "2", "--events", "100", "--json");
    assertTrue(line.startsWith("{\"seed\":42,\"runId\":\"load-42\",\"smallWorkspaces\":2,\"eventsPerWorkspace\":100,"), line);
    assertTrue(line.contains("\"events\":200,") && line.contains("\"target\":"), line);
  }
}
