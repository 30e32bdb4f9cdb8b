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

  private UserChunks() {
  }

  static List<List<String>> split(Collection<String> users) {
    List<List<String>> chunks = new ArrayList<>();
    forEach(users, chunks::add);
    return chunks;
  }

  /** The chunks one at a time, in the users' order, so that only one chunk is held. */
  static void forEach(Iterable<String> users, Consumer<List<String>> chunk) {
    List<String> current = new ArrayList<>();
    int bytes = 0;
    for (String user : users) {
      int size = Sql.string(user).getBytes(StandardCharsets.UTF_8).length + 2;
      if (!current.isEmpty() && (current.size() >= MAX_USERS || bytes + size > MAX_BYTES)) {
        chunk.accept(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(user);
      bytes += size;
    }
    if (!current.isEmpty()) {
      chunk.accept(current);
    }
  }
}
