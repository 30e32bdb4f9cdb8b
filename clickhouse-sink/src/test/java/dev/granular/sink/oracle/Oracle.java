package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.definitions.PropertyKind;
import dev.granular.sink.events.StoredEvent;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference evaluator: computes every property from scratch from all events, with no SQL and no
 * incremental state, so it can judge the incremental ClickHouse pipeline. A messageId counts once however
 * often it arrives, and the order of {@code allEvents} does not matter; only events received by
 * {@code nowMs} (processingTimeMs) are seen.
 */
public final class Oracle {

  private Oracle() {
  }

  public static OracleResult evaluate(Collection<PropertyDefinition> definitions, List<StoredEvent> allEvents,
      long nowMs) {
    Map<String, EventLog> logs = new HashMap<>();
    Map<String, Map<String, Boolean>> segments = new TreeMap<>();
    Map<String, Map<String, JsonNode>> userProperties = new TreeMap<>();
    for (PropertyDefinition definition : definitions) {
      EventLog log = logs.computeIfAbsent(definition.workspaceId(), ws -> EventLog.of(ws, allEvents, nowMs));
      boolean duplicate = definition.kind() == PropertyKind.SEGMENT
          ? segments.put(definition.id(), segment(definition, log, nowMs)) != null
          : userProperties.put(definition.id(), userProperty(definition, log)) != null;
      if (duplicate) {
        throw new IllegalArgumentException("property id " + definition.id() + " is defined twice");
      }
    }
    Map<String, Set<String>> knownUsers = new TreeMap<>();
    logs.forEach((ws, log) -> knownUsers.put(ws, Collections.unmodifiableSet(log.byUser().keySet())));
    return new OracleResult(segments, userProperties, knownUsers);
  }

  private static Map<String, Boolean> segment(PropertyDefinition definition, EventLog log, long nowMs) {
    SegmentEvaluator evaluator = new SegmentEvaluator(definition.segment(), definition.name(), nowMs);
    Map<String, Boolean> members = new TreeMap<>();
    log.byUser().forEach((user, events) -> members.put(user, evaluator.isMember(user, events)));
    return Collections.unmodifiableMap(members);
  }

  private static Map<String, JsonNode> userProperty(PropertyDefinition definition, EventLog log) {
    UserPropertyEvaluator evaluator = new UserPropertyEvaluator(definition.userProperty());
    Map<String, JsonNode> values = new TreeMap<>();
    log.byUser().forEach((user, events) -> {
      JsonNode value = evaluator.value(user, events);
      if (value != null) {
        values.put(user, value);
      }
    });
    return Collections.unmodifiableMap(values);
  }
}
