package dev.granular.sink.cluster;

import dev.granular.sink.client.ClickHouseException;
import java.util.List;
import java.util.function.Function;

/**
 * The replicas of one shard, each behind its own client: a statement goes to the replica that last answered and,
 * when that one fails, to the next, once each. Only when every replica failed does the call fail (with the last
 * failure), for the caller's retry policy to back off and try the shard again.
 */
public final class Replicas<C> {
  private final List<C> clients;
  private volatile int preferred;

  public Replicas(List<C> clients) {
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("a shard needs a replica");
    }
    this.clients = List.copyOf(clients);
  }

  public <T> T call(Function<C, T> statement) {
    int start = preferred;
    ClickHouseException last = null;
    for (int i = 0; i < clients.size(); i++) {
      int replica = (start + i) % clients.size();
      try {
        T result = statement.apply(clients.get(replica));
        preferred = replica;
        return result;
      } catch (ClickHouseException e) {
        if (!e.retriable()) {
          throw e; // the statement itself is wrong: another replica would refuse it too
        }
        last = e;
      }
    }
    throw last;
  }

  public List<C> clients() {
    return clients;
  }
}
