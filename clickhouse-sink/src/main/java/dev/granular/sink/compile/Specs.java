package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.EventPattern;
import dev.granular.sink.definitions.Operator;
import dev.granular.sink.definitions.PropertyCondition;
import java.util.List;
import java.util.TreeMap;

/**
 * Canonical JSON for the parts of a definition that carry meaning. Dittofeed node ids, key order and
 * spelling variants (a.b vs $.a.b, "10" vs 10 in Equals, filter order) are left out or normalised.
 */
final class Specs {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Specs() {
  }

  static ObjectNode object() {
    return JSON.objectNode();
  }

  /** Track events matching a name pattern and all property filters (a conjunction, so sorted and unique). */
  static ObjectNode selector(EventPattern event, List<PropertyCondition> filters) {
    ObjectNode selector = object();
    selector.set("event", event(event));
    selector.set("filters", conditions(filters));
    return selector;
  }

  static ObjectNode event(EventPattern event) {
    ObjectNode json = object();
    json.put("match", event.kind().name());
    json.put("value", event.value());
    return json;
  }

  static ArrayNode conditions(List<PropertyCondition> conditions) {
    TreeMap<String, ObjectNode> unique = new TreeMap<>();
    for (PropertyCondition condition : conditions) {
      ObjectNode json = operator(condition.operator());
      json.put("path", condition.path().canonical());
      unique.put(CanonicalJson.write(json), json);
    }
    ArrayNode array = JSON.arrayNode();
    unique.values().forEach(array::add);
    return array;
  }

  static ObjectNode operator(Operator operator) {
    ObjectNode json = object();
    json.put("op", operator.getClass().getSimpleName());
    if (operator instanceof Operator.Equals equals) {
      json.put("value", equals.value());
    } else if (operator instanceof Operator.NotEquals notEquals) {
      json.put("value", notEquals.value());
    } else if (operator instanceof Operator.GreaterThanOrEqual gte) {
      json.put("value", gte.value());
    } else if (operator instanceof Operator.LessThan lt) {
      json.put("value", lt.value());
    } else if (operator instanceof Operator.Within within) {
      json.put("windowMs", within.windowMs());
    } else if (operator instanceof Operator.HasBeen hasBeen) {
      json.put("value", hasBeen.value()).put("comparator", hasBeen.comparator().name())
          .put("windowMs", hasBeen.windowMs());
    } else if (operator instanceof Operator.AbsoluteTimestamp absolute) {
      json.put("atMs", absolute.timestamp().toEpochMilli()).put("direction", absolute.direction().name());
    }
    return json;
  }
}
