package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Events stored per workspace (distinct messageIds) and dead-letter records by reason.")
final class SummaryCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Option(names = "--wait-for", defaultValue = "0", description = "Wait until at least this many distinct events are stored.")
  long waitFor;

  @Option(names = "--run-id", description = "With --wait-for: count only events whose messageId starts with RUN_ID- (as sample-load writes them).")
  String runId;

  @Option(names = "--computed", description = "Also wait until the planner has computed every workspace, and show segment sizes.")
  boolean computed;

  @Option(names = "--timeout", defaultValue = "PT3M", description = "How long --wait-for waits (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config = settings.config();
    try (ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
      String total = "SELECT uniqExact(workspace_id, message_id) FROM " + clickHouse.table("user_events")
          + (runId == null ? "" : " WHERE message_id LIKE " + Sql.string(likePrefix(runId + "-")));
      long deadline = System.currentTimeMillis() + timeout.toMillis();
      long stored = clickHouse.scalarLong(total);
      while (stored < waitFor && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
        stored = clickHouse.scalarLong(total);
      }
      List<String[]> rows = clickHouse.rows("SELECT workspace_id, uniqExact(message_id), count()"
          + " FROM " + clickHouse.table("user_events") + " GROUP BY workspace_id ORDER BY workspace_id");
      System.out.println("Events stored in ClickHouse " + config.clickHouse().database() + ".user_events:");
      System.out.printf("  %-24s %12s %12s%n", "workspace", "distinct", "rows");
      for (String[] row : rows) {
        System.out.printf("  %-24s %12s %12s%n", row[0], row[1], row[2]);
      }
      System.out.printf("  %-24s %12d%n", runId == null ? "total" : "this run", stored);
      Map<String, Long> dlq = DeadLetters.countByReason(config.kafka().bootstrapServers(), config.topics().userEventsDlq());
      System.out.println("Dead letters on " + config.topics().userEventsDlq() + " by reason:");
      dlq.forEach((reason, n) -> System.out.printf("  %-24s %12d%n", reason, n));
      if (computed && !ComputedSummary.print(config, clickHouse, deadline)) {
        System.err.println("granular: not every workspace was computed within " + timeout + "; see `granular status`");
        return 1;
      }
      if (stored < waitFor) {
        System.err.println("granular: only " + stored + " of " + waitFor + " events stored after " + timeout);
        return 1;
      }
      return 0;
    }
  }

  /** A LIKE pattern matching strings that start with {@code prefix} literally. */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
