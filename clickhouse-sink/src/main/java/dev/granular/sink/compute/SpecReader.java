package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.Operator;
import dev.granular.sink.definitions.PropertyCondition;
import dev.granular.sink.definitions.PropertyPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads back the typed operators and filters that the compile step wrote into a criterion's canonical spec. */
final class SpecReader {

  private SpecReader() {
  }

  static Operator operator(JsonNode json) {
    String op = json.get("op").asText();
    return switch (op) {
      case "Equals" -> new Operator.Equals(json.get("value").asText());
      case "NotEquals" -> new Operator.NotEquals(json.get("value").asText());
      case "Exists" -> new Operator.Exists();
      case "NotExists" -> new Operator.NotExists();
      case "GreaterThanOrEqual" -> new Operator.GreaterThanOrEqual(json.get("value").asDouble());
      case "LessThan" -> new Operator.LessThan(json.get("value").asDouble());
      case "Within" -> new Operator.Within(json.get("windowMs").asLong());
      case "HasBeen" -> new Operator.HasBeen(json.get("value").asText(),
          Operator.HasBeen.Comparator.valueOf(json.get("comparator").asText()), json.get("windowMs").asLong());
      case "AbsoluteTimestamp" -> new Operator.AbsoluteTimestamp(Instant.ofEpochMilli(json.get("atMs").asLong()),
          Operator.AbsoluteTimestamp.Direction.valueOf(json.get("direction").asText()));
      default -> throw new IllegalStateException("compiled spec holds unknown operator " + op);
    };
  }

  /** A list of {path, op, ...} filters (paths are canonical, so they parse back to the same steps). */
  static List<PropertyCondition> conditions(JsonNode array) {
    List<PropertyCondition> conditions = new ArrayList<>();
    if (array != null) {
      for (JsonNode item : array) {
        conditions.add(new PropertyCondition(PropertyPath.parse(item.get("path").asText()), operator(item)));
      }
    }
    return conditions;
  }
}
