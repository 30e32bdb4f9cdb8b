package dev.granular.app.cli;

import dev.granular.app.lifecycle.Backfill;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = {"Replay user events and recompute them, keeping definitions. Run it while every instance is stopped;",
        "it refuses while the application's group has live members. Then start the instances again."})
final class BackfillCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "ISO_TIMESTAMP",
      description = "Replay events received at or after this time (e.g. 2025-01-31T12:00:00Z or 2025-01-31). Default: the earliest retained.")
  String from;

  @Option(names = "--workspace", paramLabel = "W", description = "Only this workspace (repeatable). Default: every workspace.")
  List<String> workspaces = new ArrayList<>();

  @Option(names = "--dry-run", description = "Say what would happen, change nothing.")
  boolean dryRun;

  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() {
    Backfill.Report r = Backfill.run(settings.config(), new Backfill.Request(parseFrom(), List.copyOf(workspaces), dryRun));
    if (output.json) {
      System.out.println(JsonOut.JSON.valueToTree(r).toString());
      return 0;
    }
    System.out.printf("%sbackfill of application %s: %d records of %s to replay%s, for %s%n", r.dryRun() ? "[dry run] " : "",
        r.application(), r.records(), r.topic(), r.fromMs() == null ? " (from the earliest retained)" : " (received since " + from + ")",
        r.workspaces().isEmpty() ? "no workspace" : "workspaces " + r.workspaces());
    r.partitions().forEach(p -> System.out.printf("  partition %d: committed %s -> %d%n", p.partition(),
        p.committed() == null ? "none" : p.committed().toString(), p.resetTo()));
    r.rewinds().forEach(w -> System.out.printf("  planner %s: cursor %d -> %d%n", w.workspace(), w.cursorMs(), Math.min(w.cursorMs(), w.rewindToMs())));
    System.out.printf("  local state %s: %s%n", r.localState(), r.dryRun() ? "would be cleaned" : "cleaned");
    System.out.println(r.dryRun() ? "nothing was changed." : "next:");
    if (!r.dryRun()) {
      r.nextSteps().forEach(s -> System.out.println("  - " + s));
    }
    return 0;
  }

  private Long parseFrom() {
    if (from == null) {
      return null;
    }
    try {
      return from.length() == 10 ? LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
          : Instant.parse(from).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--from: expected an ISO timestamp such as 2025-01-31T12:00:00Z or a date"
          + " such as 2025-01-31, got '" + from + "'");
    }
  }
}
