package dev.granular.sink.migrate;

import java.util.List;

/** One named schema step. Its statements are idempotent on their own, so a step interrupted halfway is re-run safely. */
public record Migration(String name, List<String> statements) {
  public Migration {
    statements = List.copyOf(statements);
  }
}
