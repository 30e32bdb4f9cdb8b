package dev.granular.sink.compute;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.granular.sink.sql.Sql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned {@code assignments} table: one row per (property, user, as-of) where the value changed.
 * Values are text: segments "true"/"false", user properties canonical JSON or "" for no value.
 */
final class AssignmentStore {
  private static final JsonFactory JSON = new JsonFactory();

  /** What is stored for one (property, user) around a compute at {@code asOf}; null fields mean no row. */
  record Stored(String before, String atAsOf) {
    /** The value a reader sees now: this compute's own row if it already wrote one. */
    String current() {
      return atAsOf != null ? atAsOf : before;
    }
  }

  record Row(String propertyId, String userId, boolean segment, String value) {
  }

  private final Retrying clickHouse;

  AssignmentStore(Retrying clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** property → user → stored values, for the pairs that have any row at or before {@code asOf}. */
  Map<String, Map<String, Stored>> read(String workspaceId, Collection<String> properties, Collection<String> users,
      long asOf) {
    Map<String, Map<String, Stored>> stored = new HashMap<>();
    if (properties.isEmpty() || users.isEmpty()) {
      return stored;
    }
    String sql = "SELECT property_id, user_id, argMaxIf(value, as_of_ms, as_of_ms < " + asOf + "),"
        + " countIf(as_of_ms < " + asOf + "), anyIf(value, as_of_ms = " + asOf + "), countIf(as_of_ms = " + asOf + ")"
        + " FROM " + clickHouse.table("assignments") + " WHERE workspace_id = " + Sql.string(workspaceId)
        + " AND property_id IN (" + LeafStateReader.literals(properties) + ") AND user_id IN ("
        + LeafStateReader.literals(users) + ") AND as_of_ms <= " + asOf + " GROUP BY property_id, user_id";
    for (String[] r : clickHouse.rows(sql)) {
      Stored s = new Stored(Long.parseLong(r[3]) > 0 ? r[2] : null, Long.parseLong(r[5]) > 0 ? r[4] : null);
      stored.computeIfAbsent(r[0], p -> new HashMap<>()).put(r[1], s);
    }
    return stored;
  }

  void write(String workspaceId, long asOf, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      for (Row row : rows) {
        g.writeStartObject();
        g.writeStringField("workspace_id", workspaceId);
        g.writeStringField("property_id", row.propertyId());
        g.writeStringField("user_id", row.userId());
        g.writeNumberField("as_of_ms", asOf);
        g.writeNumberField("is_segment", row.segment() ? 1 : 0);
        g.writeStringField("value", row.value());
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    clickHouse.insert("assignments", out.toByteArray());
  }
}
