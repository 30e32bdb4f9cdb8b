package dev.granular.app.planner;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * How many of one plan's unfinished parts each lane (partition of the priority task topic) holds, and which
 * lane the next part takes: the least loaded, the workspace's own partition first, then the ones after it.
 * Parts are independent user buckets, so any partition's compute sink may run any of them.
 */
final class PartLanes {
  private final int[] load;
  private final int home;

  PartLanes(int lanes, String workspace) {
    this.load = new int[lanes];
    this.home = home(workspace, lanes);
  }

  /** The partition Kafka's default partitioner gives the workspace's key: where its planner and definitions live. */
  static int home(String workspace, int lanes) {
    return Utils.toPositive(Utils.murmur2(workspace.getBytes(StandardCharsets.UTF_8))) % lanes;
  }

  /** Counts an unfinished part already on {@code lane} (-1: sent before lanes existed, on the home partition). */
  void occupy(int lane) {
    load[lane < 0 ? home : lane % load.length]++;
  }

  /** The lane for the next part, counted as occupied. */
  int next() {
    int best = home;
    for (int i = 1; i < load.length; i++) {
      int lane = (home + i) % load.length;
      if (load[lane] < load[best]) {
        best = lane;
      }
    }
    load[best]++;
    return best;
  }
}
