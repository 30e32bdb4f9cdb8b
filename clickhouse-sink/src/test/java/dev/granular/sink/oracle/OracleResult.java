package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * What the oracle computed.
 *
 * @param segments       segment id → user → membership, for every known user of the segment's workspace
 * @param userProperties user property id → user → value, only for users that have a value
 * @param knownUsers     workspace id → users with at least one event (the population segments range over)
 */
public record OracleResult(
    Map<String, Map<String, Boolean>> segments,
    Map<String, Map<String, JsonNode>> userProperties,
    Map<String, Set<String>> knownUsers) {

  public OracleResult {
    segments = Map.copyOf(segments);
    userProperties = Map.copyOf(userProperties);
    knownUsers = Map.copyOf(knownUsers);
  }
}
