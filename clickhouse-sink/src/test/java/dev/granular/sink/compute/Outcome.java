package dev.granular.sink.compute;

import dev.granular.sink.compile.CanonicalJson;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.definitions.PropertyKind;
import dev.granular.sink.oracle.OracleResult;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Results in one comparable form: property → user → value text, listing segment members ("true") and
 * user-property values (canonical JSON, so 20.0 and 20 or key order cannot differ).
 */
record Outcome(Map<String, Map<String, String>> values) {

  static Outcome of(OracleResult oracle, Collection<PropertyDefinition> definitions) {
    Map<String, Map<String, String>> values = new TreeMap<>();
    for (PropertyDefinition d : definitions) {
      Map<String, String> byUser = new TreeMap<>();
      if (d.kind() == PropertyKind.SEGMENT) {
        oracle.segments().getOrDefault(d.id(), Map.of()).forEach((u, m) -> {
          if (m) {
            byUser.put(u, "true");
          }
        });
      } else {
        oracle.userProperties().getOrDefault(d.id(), Map.of()).forEach((u, v) -> byUser.put(u, CanonicalJson.write(v)));
      }
      values.put(d.id(), byUser);
    }
    return new Outcome(values);
  }

  static Outcome of(AssignmentReader.Snapshot snapshot, Collection<PropertyDefinition> definitions) {
    Map<String, Map<String, String>> values = new TreeMap<>();
    for (PropertyDefinition d : definitions) {
      Map<String, String> byUser = new TreeMap<>();
      if (d.kind() == PropertyKind.SEGMENT) {
        snapshot.members().getOrDefault(d.id(), Set.of()).forEach(u -> byUser.put(u, "true"));
      } else {
        snapshot.values().getOrDefault(d.id(), Map.of()).forEach((u, v) -> byUser.put(u, CanonicalJson.write(v)));
      }
      values.put(d.id(), byUser);
    }
    return new Outcome(values);
  }

  /** "property user → after" for every assignment that differs from {@code before} (absent = false / none). */
  Set<String> changesSince(Outcome before, Collection<PropertyDefinition> definitions) {
    Set<String> changes = new TreeSet<>();
    for (PropertyDefinition d : definitions) {
      boolean segment = d.kind() == PropertyKind.SEGMENT;
      Map<String, String> now = values.getOrDefault(d.id(), Map.of());
      Map<String, String> then = before.values.getOrDefault(d.id(), Map.of());
      Set<String> users = new TreeSet<>(now.keySet());
      users.addAll(then.keySet());
      for (String user : users) {
        String after = now.getOrDefault(user, segment ? "false" : null);
        if (!String.valueOf(after).equals(String.valueOf(then.getOrDefault(user, segment ? "false" : null)))) {
          changes.add(change(d.id(), user, after));
        }
      }
    }
    return changes;
  }

  static Set<String> changes(Collection<AssignmentChange> changes) {
    Set<String> out = new TreeSet<>();
    changes.forEach(c -> out.add(change(c.propertyId(), c.userId(), c.after())));
    return out;
  }

  private static String change(String property, String user, String after) {
    return property + " " + user + " -> " + after;
  }
}
