package dev.granular.bench.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * P6's endless traffic: each record goes to a workspace drawn with Zipf skew over all of them, so workspace sizes
 * follow Zipf's law with the whale (rank 0) busiest and a long tail of small ones. Each workspace keeps its own
 * stream of records, with the configured restatements, near-duplicates, late and invalid records; a record's
 * position is the wall clock at which it is sent, so a new event's event time is its produce time.
 */
public final class ZipfTraffic {
  private final LoadConfig config;
  private final ZipfSampler ranks;
  private final SplittableRandom random;
  private final List<WorkspaceStream> streams = new ArrayList<>();

  /** @param config a config with a whale; its per-workspace event counts are ignored, the traffic never ends */
  public ZipfTraffic(LoadConfig config, double workspaceSkew) {
    if (!config.hasWhale()) {
      throw new IllegalArgumentException("P6 traffic needs a whale");
    }
    this.config = config;
    this.ranks = new ZipfSampler(config.workspaceCount(), workspaceSkew);
    this.random = Seeds.random(config.seed(), -1, Seeds.TRAFFIC);
    Map<Integer, ZipfSampler> usersBySize = new HashMap<>();
    EventFactory factory = new EventFactory(new ZipfSampler(config.eventNames(), config.eventNameSkew()));
    for (int w = 0; w < config.workspaceCount(); w++) {
      ZipfSampler users = usersBySize.computeIfAbsent(config.usersFor(w), n -> new ZipfSampler(n, config.userSkew()));
      streams.add(new WorkspaceStream(config, w, users, factory));
    }
  }

  /** Rank 0 is the whale, the config's last workspace; ranks 1.. are the small ones in index order. */
  static int workspaceOfRank(LoadConfig config, int rank) {
    return rank == 0 ? config.smallWorkspaces() : rank - 1;
  }

  /** The whale's share of the records, for the report. */
  public double whaleShare() {
    return ranks.probability(0);
  }

  public GeneratedEvent next(long nowMs) {
    return streams.get(workspaceOfRank(config, ranks.sample(random))).next(nowMs);
  }
}
