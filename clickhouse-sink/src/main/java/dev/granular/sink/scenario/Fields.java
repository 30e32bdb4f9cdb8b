package dev.granular.sink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Typed access to one JSON object of a scenario; every failure names the step (where) and the field path. */
final class Fields {
  private final JsonNode node;
  private final String where;
  private final String prefix;

  Fields(JsonNode node, String where, String prefix) {
    this.node = node;
    this.where = where;
    this.prefix = prefix;
    if (node == null || !node.isObject()) {
      throw new ScenarioException(where, prefix.isEmpty() ? "(root)" : prefix.substring(0, prefix.length() - 1),
          "must be a JSON object");
    }
  }

  ScenarioException error(String field, String problem) {
    return new ScenarioException(where, prefix + field, problem);
  }

  /** The field's value; null when missing or JSON null (null means absent everywhere). */
  JsonNode optional(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw error(field, "is required");
    }
    return value;
  }

  String optionalText(String field) {
    JsonNode value = optional(field);
    if (value != null && !value.isTextual()) {
      throw error(field, "must be a string, was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value == null ? null : value.textValue();
  }

  long wholeNumber(String field, long min) {
    JsonNode value = optional(field);
    if (value == null) {
      throw error(field, "is required");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min) {
      throw error(field, "must be a whole number >= " + min + ", was " + value);
    }
    return value.longValue();
  }

  /** The elements of an array field; missing means empty unless required. */
  List<JsonNode> array(String field, boolean required) {
    JsonNode value = optional(field);
    if (value == null && required) {
      throw error(field, "is required");
    }
    if (value != null && !value.isArray()) {
      throw error(field, "must be an array");
    }
    List<JsonNode> items = new ArrayList<>();
    if (value != null) {
      value.forEach(items::add);
    }
    return items;
  }

  String where() {
    return where;
  }

  String prefix() {
    return prefix;
  }
}
