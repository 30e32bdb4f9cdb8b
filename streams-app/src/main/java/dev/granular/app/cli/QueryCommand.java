package dev.granular.app.cli;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compute.AssignmentReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "query", mixinStandardHelpOptions = true, description = "Read computed properties from ClickHouse.",
    subcommands = {QueryCommand.Segment.class, QueryCommand.SegmentSize.class, QueryCommand.User.class})
final class QueryCommand {
  @ParentCommand
  GranularCli parent;

  AssignmentReader reader(ClickHouse clickHouse) {
    return new AssignmentReader(clickHouse, new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10)));
  }

  @Command(name = "segment", mixinStandardHelpOptions = true, description = "List a segment's members.")
  static final class Segment implements Callable<Integer> {
    @ParentCommand
    QueryCommand query;

    @Option(names = "--workspace", required = true)
    String workspace;

    @Option(names = "--segment", required = true)
    String segment;

    @Option(names = "--limit", defaultValue = "1000000")
    int limit;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
      try (ClickHouse clickHouse = new ClickHouse(query.parent.config().clickHouse())) {
        for (String user : query.reader(clickHouse).members(workspace, segment, limit)) {
          System.out.println(json ? JsonOut.object().put("userId", user).put("member", true).toString() : user);
        }
      }
      return 0;
    }
  }

  @Command(name = "segment-size", mixinStandardHelpOptions = true, description = "Estimate a segment's size (uniq).")
  static final class SegmentSize implements Callable<Integer> {
    @ParentCommand
    QueryCommand query;

    @Option(names = "--workspace", required = true)
    String workspace;

    @Option(names = "--segment", required = true)
    String segment;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
      try (ClickHouse clickHouse = new ClickHouse(query.parent.config().clickHouse())) {
        long size = query.reader(clickHouse).segmentSizeEstimate(workspace, segment);
        System.out.println(json ? JsonOut.object().put("workspace", workspace).put("segment", segment).put("sizeEstimate", size).toString()
            : Long.toString(size));
      }
      return 0;
    }
  }

  @Command(name = "user", mixinStandardHelpOptions = true, description = "A user's segments and user-property values.")
  static final class User implements Callable<Integer> {
    @ParentCommand
    QueryCommand query;

    @Option(names = "--workspace", required = true)
    String workspace;

    @Option(names = "--user", required = true)
    String user;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
      try (ClickHouse clickHouse = new ClickHouse(query.parent.config().clickHouse())) {
        AssignmentReader.UserAssignments a = query.reader(clickHouse).user(workspace, user);
        if (json) {
          var line = JsonOut.object().put("workspace", workspace).put("userId", user);
          var segments = line.putArray("segments");
          a.segments().stream().sorted().forEach(segments::add);
          var props = line.putObject("userProperties");
          a.properties().forEach(props::set);
          JsonOut.print(line);
        } else {
          System.out.println("segments:");
          a.segments().stream().sorted().forEach(s -> System.out.println("  " + s));
          System.out.println("user properties:");
          new java.util.TreeMap<>(a.properties()).forEach((p, v) -> System.out.printf("  %-30s %s%n", p, v));
        }
      }
      return 0;
    }
  }
}
