package dev.granular.app.cli;

import dev.granular.sink.scenario.Evaluation;
import dev.granular.sink.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Run a scenario (definitions, events, sleeps, computes) on ClickHouse in a scratch database that is "
        + "created and dropped, and print one JSON line per compute step:",
        "{\"step\",\"now\",\"segments\":{segment:{user:true|false}},\"userProperties\":{property:{user:value}}}"})
final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Parameters(paramLabel = "SCENARIO.json", description = "The scenario file (issue 3's evaluate format).")
  Path scenario;

  @Option(names = "--database-prefix", defaultValue = "granular_evaluate",
      description = "Start of the scratch database's name; a random suffix is added (default ${DEFAULT-VALUE}).")
  String databasePrefix;

  @Override
  public Integer call() {
    String json;
    try {
      json = Files.readString(scenario, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("granular evaluate: cannot read " + scenario + ": " + e.getMessage());
      return 66; // EX_NOINPUT
    }
    try {
      Evaluation.run(settings.config().clickHouse(), databasePrefix, json, System.out::println);
      return 0;
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("granular evaluate: " + e.getMessage());
      return 65; // EX_DATAERR
    }
  }
}
