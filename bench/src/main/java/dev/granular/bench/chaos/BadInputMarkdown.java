package dev.granular.bench.chaos;

import java.util.List;

/** The bad-input table of RELIABILITY.md. */
final class BadInputMarkdown {
  private BadInputMarkdown() {}

  static String render(List<ClassOutcome> rows) {
    if (rows.isEmpty()) {
      return "\n## Bad input\n\nNot measured in this run.\n";
    }
    StringBuilder md = new StringBuilder("\n## Bad input\n\n").append(rows.size()).append(" classes of bad events and definitions,"
        + " fed beside the load into every run; this table is the clean run's (a class failing in any run fails that run). A dead-lettered record keeps its original bytes; the reason is its"
        + " `granular.reason` header.\n\n| class | expected | sent | dead-lettered | reasons seen | ok |\n|---|---|---|---|---|---|\n");
    for (ClassOutcome r : rows) {
      md.append("| ").append(r.name()).append(" | ").append(r.expected()).append(" | ").append(r.sent()).append(" | ")
          .append(r.deadLettered()).append(" | ").append(String.join(", ", r.reasons())).append(" | ").append(r.ok() ? "yes" : "**no**: " + r.detail())
          .append(" |\n");
    }
    return md.toString();
  }
}
