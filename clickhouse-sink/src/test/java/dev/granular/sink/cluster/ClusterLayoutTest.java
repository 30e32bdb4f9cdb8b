package dev.granular.sink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.compute.UserBucket;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterLayoutTest {
  private static final ClusterLayout TWO = new ClusterLayout("granular",
      List.of(List.of("http://127.0.0.1:8131", "http://127.0.0.1:8132"), List.of("http://127.0.0.1:8133", "http://127.0.0.1:8134")));

  @Test
  void aBucketWhoseCountIsAMultipleOfTheShardsHoldsUsersOfOneShardOnly() {
    Random random = new Random(7);
    for (int count : new int[] {2, 4, 6, 40}) {
      Set<Integer> shardsSeen = new HashSet<>();
      for (int i = 0; i < 2_000; i++) {
        String user = "user-" + random.nextLong() + (i % 7 == 0 ? "'; DROP TABLE x; --" : "");
        UserBucket bucket = new UserBucket((int) Long.remainderUnsigned(UserBucket.halfMd5(user), count), count);
        assertTrue(bucket.contains(user));
        assertEquals(TWO.shardOf(bucket), TWO.shardOf(user), user + " in " + bucket);
        shardsSeen.add(TWO.shardOf(user));
      }
      assertEquals(Set.of(0, 1), shardsSeen, "users spread over both shards");
    }
  }

  @Test
  void aBucketSpanningShardsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TWO.shardOf(new UserBucket(0, 3)));
  }

  @Test
  void aLayoutNeedsANamedClusterAndAReplicaInEveryShard() {
    assertThrows(IllegalArgumentException.class, () -> new ClusterLayout("granular", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ClusterLayout("granular", List.of(List.of("http://a"), List.of())));
    assertThrows(IllegalArgumentException.class, () -> new ClusterLayout("no such' name", List.of(List.of("http://a"))));
  }
}
