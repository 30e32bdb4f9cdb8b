package dev.granular.bench.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Accepted events as ClickHouse must hold them: every stored copy equal, byte for byte, to what was sent. */
final class StoredEvents {
  private static final String[] COLUMNS = {"user_id", "anonymous_id", "event", "properties", "traits"};

  private final List<ObjectNode> events = new ArrayList<>();

  /** Adds a valid event (as sent) and returns its JSON bytes. */
  byte[] add(ObjectNode event) {
    events.add(event);
    return RecordMaker.utf8(event.toString());
  }

  StoredCheck check() {
    List<ObjectNode> expected = List.copyOf(events);
    return clickHouse -> {
      for (ObjectNode event : expected) {
        Optional<String> problem = problem(clickHouse, event);
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    };
  }

  private static Optional<String> problem(ClickHouse clickHouse, ObjectNode event) {
    String messageId = event.get("messageId").textValue();
    List<String[]> rows = clickHouse.rows("SELECT " + String.join(", ", COLUMNS) + " FROM " + clickHouse.table("user_events")
        + " WHERE workspace_id = " + Sql.string(event.get("workspaceId").textValue()) + " AND message_id = " + Sql.string(messageId));
    if (rows.isEmpty()) {
      return Optional.of("not stored: message " + Ascii.of(messageId));
    }
    String[] want = {text(event, "userId"), text(event, "anonymousId"), text(event, "event"), json(event, "properties"),
        json(event, "traits")};
    for (String[] row : rows) {
      if (!Arrays.equals(want, row)) {
        return Optional.of("message " + Ascii.of(messageId) + " stored as " + Ascii.of(Arrays.toString(row)) + ", sent "
            + Ascii.of(Arrays.toString(want)));
      }
    }
    return Optional.empty();
  }

  private static String text(ObjectNode event, String field) {
    return event.hasNonNull(field) ? event.get(field).textValue() : "";
  }

  /** The app stores properties and traits re-serialized by Jackson, as {@link ObjectNode#toString} writes them. */
  private static String json(ObjectNode event, String field) {
    return event.hasNonNull(field) ? event.get(field).toString() : "{}";
  }
}
