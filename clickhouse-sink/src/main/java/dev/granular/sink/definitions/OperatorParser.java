package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.DefinitionException.Reason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses Dittofeed SegmentOperators and the property-condition lists that use them. */
final class OperatorParser {

  /** Operators that test one value of one event; the time-based ones need a history. */
  static final Set<Class<? extends Operator>> VALUE_TESTS = Set.of(Operator.Equals.class, Operator.NotEquals.class,
      Operator.Exists.class, Operator.NotExists.class, Operator.GreaterThanOrEqual.class, Operator.LessThan.class);

  private static final double MAX_WINDOW_SECONDS = 100L * 366 * 24 * 3600;

  private OperatorParser() {
  }

  static Operator parse(JsonNode json, String where) {
    JsonFields f = new JsonFields(json, where);
    String type = f.text("type");
    return switch (type) {
      case "Equals" -> new Operator.Equals(f.comparable("value"));
      case "NotEquals" -> new Operator.NotEquals(f.comparable("value"));
      case "Exists" -> new Operator.Exists();
      case "NotExists" -> new Operator.NotExists();
      case "GreaterThanOrEqual" -> new Operator.GreaterThanOrEqual(f.number("value", -Double.MAX_VALUE, Double.MAX_VALUE));
      case "LessThan" -> new Operator.LessThan(f.number("value", -Double.MAX_VALUE, Double.MAX_VALUE));
      case "Within" -> new Operator.Within(windowMs(f));
      case "HasBeen" -> new Operator.HasBeen(f.comparable("value"), comparator(f), windowMs(f));
      case "AbsoluteTimestamp" -> new Operator.AbsoluteTimestamp(instant(f), direction(f));
      default -> throw f.error(Reason.UNKNOWN_OPERATOR, "type", "names no Dittofeed operator: '" + type + "'");
    };
  }

  /**
   * A list of {path, operator} filters. A filter whose path is not valid JSONPath is dropped, as Dittofeed
   * drops it; an operator outside {@code allowed} is rejected.
   */
  static List<PropertyCondition> conditions(JsonFields owner, String field, Set<Class<? extends Operator>> allowed) {
    List<PropertyCondition> conditions = new ArrayList<>();
    List<JsonNode> items = owner.array(field, false);
    for (int i = 0; i < items.size(); i++) {
      String where = owner.where() + " " + field + "[" + i + "]";
      JsonFields item = new JsonFields(items.get(i), where);
      String path = item.text("path");
      Operator operator = parse(item.required("operator", Reason.MALFORMED), where + " operator");
      if (!allowed.contains(operator.getClass())) {
        throw item.error(Reason.UNSUPPORTED_OPERATOR, "operator",
            operator.getClass().getSimpleName() + " is not supported here");
      }
      PropertyPath parsed = PropertyPath.parse(path);
      if (parsed.valid()) {
        conditions.add(new PropertyCondition(parsed, operator));
      }
    }
    return conditions;
  }

  private static long windowMs(JsonFields f) {
    return Math.round(f.number("windowSeconds", 0, MAX_WINDOW_SECONDS) * 1000);
  }

  private static Operator.HasBeen.Comparator comparator(JsonFields f) {
    String text = f.optional("comparator").map(JsonNode::asText).orElse("");
    try {
      return Operator.HasBeen.Comparator.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw f.error(Reason.BAD_OPERATOR_VALUE, "comparator", "must be GTE or LT, was '" + text + "'");
    }
  }

  private static Operator.AbsoluteTimestamp.Direction direction(JsonFields f) {
    String text = f.optional("direction").map(JsonNode::asText).orElse("");
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "after" -> Operator.AbsoluteTimestamp.Direction.AFTER;
      case "before" -> Operator.AbsoluteTimestamp.Direction.BEFORE;
      default -> throw f.error(Reason.BAD_OPERATOR_VALUE, "direction", "must be after or before, was '" + text + "'");
    };
  }

  private static Instant instant(JsonFields f) {
    String text = f.optional("absoluteTimestamp").map(JsonNode::asText).orElse("");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw f.error(Reason.BAD_OPERATOR_VALUE, "absoluteTimestamp", "must be an ISO-8601 timestamp, was '" + text + "'");
    }
  }
}
