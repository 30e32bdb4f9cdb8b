package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A chunk's users are bounded by the properties each is resolved for, so its memory is, whatever the workspace. */
class UserChunksTest {
  @Test
  void aChunkHoldsFewerUsersTheMorePropertiesEachIsResolvedFor() {
    assertEquals(UserChunks.MAX_USERS, UserChunks.maxUsers(25));
    assertEquals(975, UserChunks.maxUsers(205));
    assertEquals(1, UserChunks.maxUsers(1_000_000));
    List<String> users = IntStream.range(0, 2_500).mapToObj(i -> "u" + i).toList();
    List<Integer> sizes = new ArrayList<>();
    UserChunks.forEach(users, UserChunks.maxUsers(205), chunk -> sizes.add(chunk.size()));
    assertEquals(List.of(975, 975, 550), sizes);
  }
}
