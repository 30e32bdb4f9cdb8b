package dev.granular.sink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.granular.sink.client.ClickHouseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicasTest {
  private final List<String> calls = new ArrayList<>();
  private Set<String> down = Set.of();

  private String call(String replica) {
    calls.add(replica);
    if (down.contains(replica)) {
      throw new ClickHouseException(replica + " refused the connection", null, true);
    }
    return replica;
  }

  @Test
  void aDownReplicaFailsOverToTheNextWhichThenStaysPreferred() {
    Replicas<String> shard = new Replicas<>(List.of("r1", "r2"));
    down = Set.of("r1");
    assertEquals("r2", shard.call(this::call));
    assertEquals("r2", shard.call(this::call));
    assertEquals(List.of("r1", "r2", "r2"), calls);
  }

  @Test
  void whenEveryReplicaIsDownTheLastFailureIsThrownForTheRetryPolicy() {
    Replicas<String> shard = new Replicas<>(List.of("r1", "r2"));
    down = Set.of("r1", "r2");
    var e = assertThrows(ClickHouseException.class, () -> shard.call(this::call));
    assertEquals("r2 refused the connection", e.getMessage());
    down = Set.of();
    assertEquals("r1", shard.call(this::call), "back once a replica answers");
  }

  @Test
  void aStatementTheServerRejectsIsNotTriedOnTheOtherReplica() {
    Replicas<String> shard = new Replicas<>(List.of("r1", "r2"));
    ClickHouseException syntax = new ClickHouseException("Syntax error", null, false);
    assertSame(syntax, assertThrows(ClickHouseException.class, () -> shard.call(r -> {
      calls.add(r);
      throw syntax;
    })));
    assertEquals(List.of("r1"), calls);
  }
}
