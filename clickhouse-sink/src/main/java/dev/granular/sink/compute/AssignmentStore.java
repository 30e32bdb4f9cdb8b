package dev.granular.sink.compute;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.granular.sink.sql.Sql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /** One changed value to write: versioned by the compute's as-of. */
  record Row(String workspaceId, String propertyId, String userId, long asOf, boolean segment, String value) {
  }

  /** One workspace's properties and users to look up, as of {@code asOf}. */
  record Lookup(String workspaceId, Collection<String> properties, Collection<String> users, long asOf) {
  }

  private final Retrying clickHouse;

  AssignmentStore(Retrying clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** property → user → stored values, for the pairs that have any row at or before {@code asOf}. */
  Map<String, Map<String, Stored>> read(String workspaceId, Collection<String> properties, Collection<String> users,
      long asOf) {
    return read(List.of(new Lookup(workspaceId, properties, users, asOf))).get(0);
  }

  /** The same for each lookup, in their order, in one statement (a UNION ALL of one subquery per lookup). */
  List<Map<String, Map<String, Stored>>> read(List<Lookup> lookups) {
    List<Map<String, Map<String, Stored>>> stored = new ArrayList<>();
    lookups.forEach(l -> stored.add(new HashMap<>()));
    String sql = LeafStateReader.union(lookups, l -> "property_id, user_id, argMaxIf(value, as_of_ms, as_of_ms < "
        + l.asOf() + ") AS v_before, countIf(as_of_ms < " + l.asOf() + ") AS n_before, anyIf(value, as_of_ms = " + l.asOf()
        + ") AS v_at, countIf(as_of_ms = " + l.asOf() + ") AS n_at FROM " + clickHouse.table("assignments")
        + " WHERE workspace_id = " + Sql.string(l.workspaceId()) + " AND property_id IN ("
        + LeafStateReader.literals(l.properties()) + ") AND user_id IN (" + LeafStateReader.literals(l.users())
        + ") AND as_of_ms <= " + l.asOf() + " GROUP BY property_id, user_id",
        l -> !l.properties().isEmpty() && !l.users().isEmpty());
    if (sql == null) {
      return stored;
    }
    for (String[] r : clickHouse.rows(sql)) {
      Stored s = new Stored(Long.parseLong(r[4]) > 0 ? r[3] : null, Long.parseLong(r[6]) > 0 ? r[5] : null);
      stored.get(Integer.parseInt(r[0])).computeIfAbsent(r[1], p -> new HashMap<>()).put(r[2], s);
    }
    return stored;
  }

  /** Writes the rows, of any workspaces, in one insert. */
  void write(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      for (Row row : rows) {
        g.writeStartObject();
        g.writeStringField("workspace_id", row.workspaceId());
        g.writeStringField("property_id", row.propertyId());
        g.writeStringField("user_id", row.userId());
        g.writeNumberField("as_of_ms", row.asOf());
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
