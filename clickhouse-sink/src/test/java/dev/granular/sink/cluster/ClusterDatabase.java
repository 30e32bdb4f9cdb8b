package dev.granular.sink.cluster;

import dev.granular.sink.client.ClickHouse;
import java.util.ArrayList;
import java.util.List;

/**
 * A database on the local cluster for one test: clients on its replicas, all closed, and the database dropped on
 * every node, on close.
 */
public final class ClusterDatabase implements AutoCloseable {
  private final String name;
  private final List<ClickHouse> clients = new ArrayList<>();

  /** @param name a plain identifier, unique to the test (the same name may exist on a single server too) */
  public ClusterDatabase(String name) {
    this.name = name;
  }

  /** With a random name: {@code prefix} and a hex suffix, so that runs never meet. */
  public static ClusterDatabase random(String prefix) {
    return new ClusterDatabase(prefix + "_" + java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(4)));
  }

  public String name() {
    return name;
  }

  /** A client per shard, on replica {@code replica} of each. */
  public List<ClickHouse> shards(int replica) {
    List<ClickHouse> out = TestCluster.shardClients(replica, name);
    clients.addAll(out);
    return out;
  }

  /** A client per replica, shard by shard. */
  public List<List<ClickHouse>> replicas() {
    return TestCluster.LAYOUT.shards().stream().map(urls -> urls.stream().map(this::client).toList()).toList();
  }

  public ClickHouse client(String url) {
    ClickHouse c = TestCluster.client(url, name);
    clients.add(c);
    return c;
  }

  /** The schema, through the first replica of each shard. */
  public ClusterDatabase migrated() {
    new ClusterMigrator(TestCluster.LAYOUT, shards(0)).migrate();
    return this;
  }

  @Override
  public void close() {
    try {
      new ClusterMigrator(TestCluster.LAYOUT, shards(0)).dropDatabase();
    } finally {
      clients.forEach(ClickHouse::close);
    }
  }
}
