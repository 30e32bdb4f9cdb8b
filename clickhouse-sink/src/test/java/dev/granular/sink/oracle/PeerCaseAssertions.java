package dev.granular.sink.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The peer-case {@code assert} rules (resources/peer-cases/README.md), for any evaluator: the oracle or
 * ClickHouse through the scenario runner.
 */
public final class PeerCaseAssertions {

  /**
   * What a compute produced.
   *
   * @param segments       segment → user → member (a missing user is not a member)
   * @param userProperties property → user → value (only users with a value)
   * @param knownUsers     users with any event
   */
  public record Observed(Map<String, Map<String, Boolean>> segments, Map<String, Map<String, JsonNode>> userProperties,
      Set<String> knownUsers) {
  }

  private PeerCaseAssertions() {
  }

  public static void check(JsonNode expected, Observed latest, String where) {
    assertNotNull(latest, "assert before any compute at " + where);
    fields(expected.get("segments")).forEach((segment, users) -> checkSegment(latest, segment, users, where));
    fields(expected.get("userProperties")).forEach((property, users) -> checkUserProperty(latest, property, users, where));
    if (expected.has("userCount")) {
      assertEquals(expected.get("userCount").asInt(), latest.knownUsers().size(), "userCount at " + where);
    }
  }

  private static void checkSegment(Observed latest, String segmentId, JsonNode expected, String where) {
    Map<String, Boolean> actual = latest.segments().get(segmentId);
    assertNotNull(actual, "segment " + segmentId + " not computed at " + where);
    fields(expected).forEach((user, value) -> assertEquals(value.isNull() ? Boolean.FALSE : Boolean.TRUE,
        Boolean.TRUE.equals(actual.get(user)), "segment " + segmentId + " for " + user + " at " + where));
    actual.forEach((user, member) -> assertTrue(!member || expected.path(user).asBoolean(false),
        "segment " + segmentId + ": unexpected member " + user + " at " + where));
  }

  private static void checkUserProperty(Observed latest, String propertyId, JsonNode expected, String where) {
    Map<String, JsonNode> actual = latest.userProperties().getOrDefault(propertyId, Map.of());
    fields(expected).forEach((user, value) -> {
      JsonNode got = actual.get(user);
      boolean same = value.isNull() ? got == null
          : got != null && value.equals((a, b) -> a.isNumber() && b.isNumber()
              ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1, got);
      assertTrue(same, "user property " + propertyId + " for " + user + ": expected " + value + " got " + got
          + " at " + where);
    });
    if (!propertyId.equals("id")) { // 'id' is listed only where the source asserted it
      actual.forEach((user, value) -> assertTrue(expected.hasNonNull(user),
          "user property " + propertyId + ": unexpected value " + value + " for " + user + " at " + where));
    }
  }

  static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    if (object != null) {
      object.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
    }
    return fields;
  }
}
