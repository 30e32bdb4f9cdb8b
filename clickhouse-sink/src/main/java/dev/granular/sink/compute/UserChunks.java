package dev.granular.sink.compute;

import dev.granular.sink.sql.Sql;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits users into batches whose quoted IN lists stay well inside ClickHouse's max_query_size (256 KiB by
 * default): user ids may be long and multi-byte, so the budget is counted in UTF-8 bytes.
 */
final class UserChunks {
  static final int MAX_USERS = 2_000;
  static final int MAX_BYTES = 120_000;
  /**
   * Most users x properties one chunk resolves: its stored assignments, states and new rows are held at once, in
   * each of the K slots of every partition (make bench-full, P1: 2,000 users x 205 properties a chunk, about 300K
   * stored assignments live, ran the 256 MB heap out).
   */
  static final int MAX_CELLS = 200_000;

  private UserChunks() {
  }

  static List<List<String>> split(Collection<String> users) {
    List<List<String>> chunks = new ArrayList<>();
    forEach(users, chunks::add);
    return chunks;
  }

  /** What a user adds to a chunk's IN list: the quoted id in UTF-8, and its separator. */
  static int bytes(String user) {
    return Sql.string(user).getBytes(StandardCharsets.UTF_8).length + 2;
  }

  /** Users a chunk may hold when each is resolved for {@code properties} properties. */
  static int maxUsers(int properties) {
    return Math.max(1, Math.min(MAX_USERS, MAX_CELLS / Math.max(1, properties)));
  }

  static void forEach(Iterable<String> users, Consumer<List<String>> chunk) {
    forEach(users, MAX_USERS, chunk);
  }

  /** The chunks one at a time, in the users' order, so that only one chunk is held. */
  static void forEach(Iterable<String> users, int maxUsers, Consumer<List<String>> chunk) {
    GreedyChunks.forEach(users, maxUsers, UserChunks::bytes, MAX_BYTES, chunk);
  }
}
