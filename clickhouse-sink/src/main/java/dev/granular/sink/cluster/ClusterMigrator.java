package dev.granular.sink.cluster;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.migrate.Migration;
import dev.granular.sink.migrate.Schema;
import dev.granular.sink.sql.Sql;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Schema}'s migrations on a cluster: shard-local replicated tables created ON CLUSTER, the Distributed
 * {@code <table>_all} tables that read across shards, and {@code schema_migrations} replicated on every node. Safe
 * to run twice, like the single-node migrator; every node must be up (ON CLUSTER waits for each).
 */
public final class ClusterMigrator {
  private static final Logger log = LoggerFactory.getLogger(ClusterMigrator.class);
  private final ClusterLayout layout;
  private final List<ClickHouse> shards;
  private final List<Migration> migrations;

  /** @param shards a client per shard of {@code layout}, in its order, each on one replica of that shard */
  public ClusterMigrator(ClusterLayout layout, List<ClickHouse> shards) {
    this(layout, shards, Schema.migrations());
  }

  public ClusterMigrator(ClusterLayout layout, List<ClickHouse> shards, List<Migration> migrations) {
    if (shards.size() != layout.shardCount()) {
      throw new IllegalArgumentException("need a client per shard: " + layout.shardCount() + " shards, " + shards.size() + " clients");
    }
    this.layout = layout;
    this.shards = List.copyOf(shards);
    this.migrations = List.copyOf(migrations);
  }

  /** @return the names of the migrations applied by this call */
  public List<String> migrate() {
    ClickHouse any = shards.get(0);
    String db = Sql.identifier(any.database());
    any.execute("CREATE DATABASE IF NOT EXISTS " + db + layout.onCluster());
    // One replicated table across all nodes (no {shard} in its path): every node sees what any node applied.
    any.execute("CREATE TABLE IF NOT EXISTS " + db + ".schema_migrations" + layout.onCluster()
        + " (name String, applied_at DateTime) ENGINE = ReplicatedReplacingMergeTree("
        + Sql.string("/clickhouse/tables/all/" + db + "/schema_migrations") + ", '{shard}-{replica}') ORDER BY name");
    Set<String> applied = new HashSet<>();
    for (String[] row : any.rows("SELECT DISTINCT name FROM " + db + ".schema_migrations")) {
      applied.add(row[0]);
    }
    List<Migration> pending = migrations.stream().filter(m -> !applied.contains(m.name())).toList();
    for (Migration migration : pending) {
      for (String statement : migration.statements()) {
        run(ClusterSchema.rewrite(statement, layout.name(), db), db);
      }
      any.execute("INSERT INTO " + db + ".schema_migrations VALUES (" + Sql.string(migration.name()) + ", now())");
      log.info("applied migration {} to {} on cluster {}", migration.name(), db, layout.name());
    }
    for (String distributed : ClusterSchema.distributedTables(layout.name(), db)) {
      run(new ClusterSchema.Once(distributed), db);
    }
    return pending.stream().map(Migration::name).toList();
  }

  public void dropDatabase() {
    shards.get(0).execute("DROP DATABASE IF EXISTS " + Sql.identifier(shards.get(0).database()) + layout.onCluster());
  }

  private void run(ClusterSchema.Step step, String db) {
    String sql = step.sql().replace("{db}", db);
    step.targets(shards).forEach(shard -> shard.execute(sql));
  }
}
