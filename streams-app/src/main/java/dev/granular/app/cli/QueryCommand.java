package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.compute.AssignmentReader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "query", mixinStandardHelpOptions = true, description = "Read computed properties from ClickHouse.",
    subcommands = {QueryCommand.Segment.class, QueryCommand.SegmentSize.class, QueryCommand.User.class})
final class QueryCommand {
  /** What every query shares: the workspace, --json, and a reader on ClickHouse for the duration of the call. */
  abstract static class Query implements Callable<Integer> {
    @Mixin
    SharedOptions.Config settings;

    @Mixin
    SharedOptions.Workspace target;

    @Mixin
    SharedOptions.Json output;

    abstract void run(AssignmentReader reader);

    @Override
    public Integer call() {
      AppConfig config = settings.config();
      try (ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
        run(new AssignmentReader(clickHouse, config.clickHouseRetry().policy()));
      }
      return 0;
    }
  }

  @Command(name = "segment", mixinStandardHelpOptions = true, description = "List a segment's members.")
  static final class Segment extends Query {
    @Option(names = "--segment", required = true)
    String segment;

    @Option(names = "--limit", defaultValue = "1000000")
    int limit;

    @Override
    void run(AssignmentReader reader) {
      for (String user : reader.members(target.workspace, segment, limit)) {
        System.out.println(output.json ? JsonOut.object().put("userId", user).put("member", true).toString() : user);
      }
    }
  }

  @Command(name = "segment-size", mixinStandardHelpOptions = true, description = "Estimate a segment's size (uniq).")
  static final class SegmentSize extends Query {
    @Option(names = "--segment", required = true)
    String segment;

    @Override
    void run(AssignmentReader reader) {
      long size = reader.segmentSizeEstimate(target.workspace, segment);
      System.out.println(output.json ? JsonOut.object().put("workspace", target.workspace).put("segment", segment).put("sizeEstimate", size).toString()
          : Long.toString(size));
    }
  }

  @Command(name = "user", mixinStandardHelpOptions = true, description = "A user's segments and user-property values.")
  static final class User extends Query {
    @Option(names = "--user", required = true)
    String user;

    @Override
    void run(AssignmentReader reader) {
      AssignmentReader.UserAssignments a = reader.user(target.workspace, user);
      if (output.json) {
        var line = JsonOut.object().put("workspace", target.workspace).put("userId", user);
        var segments = line.putArray("segments");
        a.segments().stream().sorted().forEach(segments::add);
        var props = line.putObject("userProperties");
        new TreeMap<>(a.properties()).forEach(props::set);
        JsonOut.print(line);
        return;
      }
      System.out.println("segments:");
      a.segments().stream().sorted().forEach(s -> System.out.println("  " + s));
      System.out.println("user properties:");
      new TreeMap<>(a.properties()).forEach((p, v) -> System.out.printf("  %-30s %s%n", p, v));
    }
  }
}
