package dev.granular.app.cli;

import dev.granular.app.lifecycle.Reset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Start the application over: delete its internal topics (by exact name), re-read events and definitions",
        "from the earliest retained, clean this host's local state. ClickHouse is kept. Refuses while instances are alive."})
final class ResetCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Option(names = "--dry-run", description = "Say what would happen, change nothing.")
  boolean dryRun;

  @Option(names = "--yes", description = "Confirm: planner state, definitions store and ingest clock are rebuilt from the topics.")
  boolean yes;

  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() {
    if (!dryRun && !yes) {
      System.err.println("granular: reset deletes this application's internal topics; look first with --dry-run, then pass --yes");
      return 2;
    }
    Reset.Report r = Reset.run(settings.config(), dryRun);
    if (output.json) {
      System.out.println(JsonOut.JSON.valueToTree(r).toString());
      return 0;
    }
    String verb = r.dryRun() ? "would delete" : "deleted";
    System.out.printf("%sreset of application %s%n", r.dryRun() ? "[dry run] " : "", r.application());
    r.deletedTopics().forEach(t -> System.out.printf("  %s %s%n", verb, t));
    r.offsets().forEach((t, where) -> System.out.printf("  %s: offsets to the %s%n", t, where));
    System.out.printf("  local state %s: %s%n", r.localState(), r.dryRun() ? "would be cleaned" : "cleaned");
    if (!r.dryRun()) {
      System.out.println("next:");
      r.nextSteps().forEach(s -> System.out.println("  - " + s));
    }
    return 0;
  }
}
