package dev.granular.sink.migrate;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link Schema} migrations not yet recorded in {@code schema_migrations}. Safe to run twice, or concurrently. */
public final class Migrator {
  private static final Logger log = LoggerFactory.getLogger(Migrator.class);
  private final ClickHouse clickHouse;
  private final List<Migration> migrations;

  public Migrator(ClickHouse clickHouse) {
    this(clickHouse, Schema.migrations());
  }

  /** With the schema's first migrations only: a database as an older release left it, for upgrade tests. */
  public Migrator(ClickHouse clickHouse, List<Migration> migrations) {
    this.clickHouse = clickHouse;
    this.migrations = List.copyOf(migrations);
  }

  /** @return the names of the migrations applied by this call */
  public List<String> migrate() {
    String db = Sql.identifier(clickHouse.database());
    clickHouse.execute("CREATE DATABASE IF NOT EXISTS " + db);
    clickHouse.execute("CREATE TABLE IF NOT EXISTS " + db + ".schema_migrations (name String, applied_at DateTime)"
        + " ENGINE = ReplacingMergeTree() ORDER BY name");
    Set<String> applied = new HashSet<>();
    for (String[] row : clickHouse.rows("SELECT DISTINCT name FROM " + db + ".schema_migrations")) {
      applied.add(row[0]);
    }
    List<Migration> pending = migrations.stream().filter(m -> !applied.contains(m.name())).toList();
    for (Migration migration : pending) {
      for (String statement : migration.statements()) {
        clickHouse.execute(statement.replace("{db}", db));
      }
      clickHouse.execute("INSERT INTO " + db + ".schema_migrations VALUES (" + Sql.string(migration.name()) + ", now())");
      log.info("applied migration {} to {}", migration.name(), db);
    }
    return pending.stream().map(Migration::name).toList();
  }

  public void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + Sql.identifier(clickHouse.database()));
  }
}
