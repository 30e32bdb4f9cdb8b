package dev.granular.sink.compute;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import java.util.List;

/**
 * ClickHouse calls of the compute path, each retried on its own: every one is a read or an insert whose
 * repetition changes no result (aggregate states are idempotent, assignment rows are versioned), so a
 * statement can be retried even when the outcome of the failed attempt is unknown.
 */
final class Retrying {
  private final ClickHouse clickHouse;
  private final RetryPolicy policy;

  Retrying(ClickHouse clickHouse, RetryPolicy policy) {
    this.clickHouse = clickHouse;
    this.policy = policy;
  }

  /** {@code database.name}. */
  String table(String name) {
    return clickHouse.table(name);
  }

  List<String[]> rows(String sql) {
    return policy.run("query", () -> clickHouse.rows(sql), () -> { });
  }

  /**
   * The first column of every row into {@code into}, as it streams; a retry starts the spool over, so a failure
   * part-way leaves no partial result behind.
   */
  void spool(String sql, Spool<String> into) {
    policy.run("query", () -> {
      into.clear();
      clickHouse.forEachRow(sql, row -> into.add(row[0]));
      return into.size();
    }, () -> { });
  }

  void insert(String table, byte[] jsonEachRow) {
    if (jsonEachRow.length > 0) {
      policy.run("insert into " + table, () -> clickHouse.insertJsonEachRow(table, jsonEachRow), () -> { });
    }
  }
}
