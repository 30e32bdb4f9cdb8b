package dev.granular.sink.cluster;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.ClickHouseSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The local cluster of `make cluster-up` (services/clickhouse-cluster.sh): 2 shards x 2 replicas. The property
 * {@code it.clickhouse.cluster} overrides the replicas' URLs: shards separated by ';', replicas by ','.
 */
public final class TestCluster {
  public static final ClusterLayout LAYOUT = new ClusterLayout("granular", Arrays.stream(System.getProperty("it.clickhouse.cluster",
      "http://127.0.0.1:8131,http://127.0.0.1:8132;http://127.0.0.1:8133,http://127.0.0.1:8134").split(";"))
      .map(shard -> List.of(shard.split(","))).toList());

  private TestCluster() {}

  public static ClickHouse client(String url, String database) {
    return new ClickHouse(new ClickHouseSettings(url, "default", "", database, Duration.ofSeconds(60), Duration.ofSeconds(190)));
  }

  /** A client per shard, on replica {@code replica} of each. */
  public static List<ClickHouse> shardClients(int replica, String database) {
    return LAYOUT.shards().stream().map(replicas -> client(replicas.get(replica), database)).toList();
  }
}
