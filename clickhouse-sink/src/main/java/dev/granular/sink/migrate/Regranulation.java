package dev.granular.sink.migrate;

import java.util.List;

/**
 * Rebuilds a table with a finer index granularity, in place: a copy with the new setting, then a swap by
 * RENAME (18.16 cannot change index_granularity on a table). Each statement can be re-run after a crash at
 * any point: a second copy of rows only repeats states or versions that merge idempotently.
 */
final class Regranulation {
  private Regranulation() {}

  static List<String> statements(String table, String engine, String orderBy, int granularity) {
    String current = "{db}." + table;
    String next = "{db}." + table + "__next";
    String old = "{db}." + table + "__old";
    return List.of(
        "DROP TABLE IF EXISTS " + old, // left by a run that stopped after its swap; its rows were copied
        "CREATE TABLE IF NOT EXISTS " + next + " AS " + current + " ENGINE = " + engine + " ORDER BY (" + orderBy
            + ") SETTINGS index_granularity = " + granularity,
        "INSERT INTO " + next + " SELECT * FROM " + current,
        "RENAME TABLE " + current + " TO " + old + ", " + next + " TO " + current,
        "DROP TABLE " + old);
  }
}
