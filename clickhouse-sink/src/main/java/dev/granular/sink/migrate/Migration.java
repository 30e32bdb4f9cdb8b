package dev.granular.sink.migrate;

import java.util.List;

/**
 * One named schema step. Its statements are idempotent on their own, so a step interrupted halfway is re-run safely.
 *
 * @param rebuilds whether it copies tables into new ones: rows written meanwhile would be left behind, so it
 *                 runs only while no instance writes (the migrate command checks)
 */
public record Migration(String name, List<String> statements, boolean rebuilds) {
  public Migration {
    statements = List.copyOf(statements);
  }

  public Migration(String name, List<String> statements) {
    this(name, statements, false);
  }
}
