package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.scenario.TestServer;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user's bucket is the same in Java and in ClickHouse SQL, so Java- and SQL-side scoping agree. */
class UserBucketIT {

  @Test
  void javaAndClickHouseAgreeOnEveryUsersBucket() {
    List<String> users = new ArrayList<>(List.of("", "u1", "it's", "back\\slash", "nul\u0000", "ünï ✓", "😀", "\n\t"));
    for (int i = 0; i < 200; i++) {
      users.add("user-" + i);
    }
    try (ClickHouse clickHouse = new ClickHouse(TestServer.settings())) {
      for (int count : new int[] {1, 2, 3, 7, 16}) {
        Set<Integer> seen = new HashSet<>();
        for (String user : users) {
          int sqlBucket = (int) clickHouse.scalarLong("SELECT halfMD5(" + Sql.string(user) + ") % " + count);
          seen.add(sqlBucket);
          assertTrue(new UserBucket(sqlBucket, count).contains(user), user + " in bucket " + sqlBucket + " of " + count);
          String sql = new UserBucket(sqlBucket, count).sql(Sql.string(user));
          assertEquals(1, clickHouse.scalarLong("SELECT " + sql));
        }
        assertEquals(count, seen.size(), "the users spread over every one of " + count + " buckets");
      }
    }
  }
}
