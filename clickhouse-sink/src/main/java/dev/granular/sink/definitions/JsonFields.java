package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.DefinitionException.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed field access on one JSON object; every failure names the object ({@code where}) and the field. */
final class JsonFields {

  private final JsonNode node;
  private final String where;

  JsonFields(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new DefinitionException(Reason.MALFORMED, where + " must be a JSON object");
    }
    this.node = node;
    this.where = where;
  }

  String where() {
    return where;
  }

  DefinitionException error(Reason reason, String field, String problem) {
    return new DefinitionException(reason, where + ": field '" + field + "' " + problem);
  }

  /** The field, or empty when missing or JSON null (Dittofeed's optional fields). */
  Optional<JsonNode> optional(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  JsonNode required(String field, Reason reason) {
    return optional(field).orElseThrow(() -> error(reason, field, "is required"));
  }

  String text(String field) {
    JsonNode value = required(field, Reason.MALFORMED);
    if (!value.isTextual()) {
      throw error(Reason.WRONG_TYPE, field, "must be a string, was " + value.getNodeType());
    }
    return value.textValue();
  }

  Optional<String> optionalText(String field) {
    return optional(field).isPresent() ? Optional.of(text(field)) : Optional.empty();
  }

  boolean flag(String field) {
    Optional<JsonNode> value = optional(field);
    if (value.isPresent() && !value.get().isBoolean()) {
      throw error(Reason.MALFORMED, field, "must be a boolean");
    }
    return value.map(JsonNode::booleanValue).orElse(false);
  }

  /** A number parameter; a wrong type or a value outside [min, max] is BAD_OPERATOR_VALUE. */
  double number(String field, double min, double max) {
    JsonNode value = required(field, Reason.BAD_OPERATOR_VALUE);
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw error(Reason.BAD_OPERATOR_VALUE, field, "must be a number, was " + value);
    }
    double number = value.doubleValue();
    if (number < min || number > max) {
      throw error(Reason.BAD_OPERATOR_VALUE, field, "must be between " + plain(min) + " and " + plain(max)
          + ", was " + value);
    }
    return number;
  }

  private static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  /** A string-or-number comparison value, in Dittofeed's text form. */
  String comparable(String field) {
    JsonNode value = required(field, Reason.BAD_OPERATOR_VALUE);
    if (!value.isTextual() && !value.isNumber()) {
      throw error(Reason.BAD_OPERATOR_VALUE, field, "must be a string or a number, was " + value);
    }
    return ValueText.of(value);
  }

  /** An array field's elements, at most {@link DefinitionParser#MAX_NODES}; missing means empty. */
  List<JsonNode> array(String field, boolean required) {
    List<JsonNode> items = nodes(field, required);
    tooMany(field, items.size());
    return items;
  }

  /** A definition's node list, uncapped: its owner checks the count after depth, the more telling reason. */
  List<JsonNode> nodes(String field, boolean required) {
    Optional<JsonNode> value = required ? Optional.of(required(field, Reason.MALFORMED)) : optional(field);
    if (value.isPresent() && !value.get().isArray()) {
      throw error(Reason.MALFORMED, field, "must be an array");
    }
    List<JsonNode> items = new ArrayList<>();
    value.ifPresent(array -> array.forEach(items::add));
    return items;
  }

  void tooMany(String field, int count) {
    if (count > DefinitionParser.MAX_NODES) {
      throw error(Reason.TOO_MANY_NODES, field, "has " + count + " elements > limit " + DefinitionParser.MAX_NODES);
    }
  }

  List<String> textArray(String field) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : array(field, true)) {
      if (!item.isTextual()) {
        throw error(Reason.WRONG_TYPE, field, "must hold only strings, found " + item.getNodeType());
      }
      texts.add(item.textValue());
    }
    return texts;
  }
}
