package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.app.topology.Topics;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.migrate.Migrator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Create the ClickHouse database and tables and the Kafka topics. Safe to run twice.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Override
  public Integer call() {
    AppConfig config = settings.config();
    if (config.cluster().isPresent()) {
      migrateCluster(config, config.cluster().get());
    } else {
      try (ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
        List<String> applied = new Migrator(clickHouse).migrate();
        System.out.println("clickhouse " + config.clickHouse().database() + ": "
            + (applied.isEmpty() ? "up to date" : "applied " + applied));
      }
    }
    try (TopicAdmin admin = new TopicAdmin(config.kafka().bootstrapServers())) {
      List<String> created = admin.ensure(new Topics(config.topics()).external(),
          config.kafka().partitions(), config.kafka().replicationFactor());
      System.out.println("kafka: " + (created.isEmpty() ? "topics up to date" : "created " + created));
    }
    return 0;
  }

  /** Through the first replica of each shard; ON CLUSTER reaches every node, so all must be up. */
  private static void migrateCluster(AppConfig config, dev.granular.sink.cluster.ClusterLayout layout) {
    List<ClickHouse> shards = layout.shards().stream()
        .map(replicas -> new ClickHouse(config.clickHouse().withUrl(replicas.get(0)))).toList();
    try {
      List<String> applied = new dev.granular.sink.cluster.ClusterMigrator(layout, shards).migrate();
      System.out.println("clickhouse cluster " + layout.name() + ", database " + config.clickHouse().database() + " ("
          + layout.shardCount() + " shards): " + (applied.isEmpty() ? "up to date" : "applied " + applied));
    } finally {
      shards.forEach(ClickHouse::close);
    }
  }
}
