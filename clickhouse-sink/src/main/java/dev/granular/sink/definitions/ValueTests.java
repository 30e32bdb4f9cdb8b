package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dittofeed's tests of one value, on its {@link ValueText} form ({@code ""} = no value). Shared by the
 * oracle and by whatever computes leaf inputs, so both agree on what a filter means.
 */
public final class ValueTests {

  /** What ClickHouse toFloat64OrNull accepts, roughly: a plain decimal number, no spaces. */
  private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private ValueTests() {
  }

  public static boolean test(Operator operator, String text) {
    if (operator instanceof Operator.Equals equals) {
      return text.equals(equals.value());
    }
    if (operator instanceof Operator.NotEquals notEquals) {
      return !text.equals(notEquals.value());
    }
    if (operator instanceof Operator.Exists) {
      return !text.isEmpty();
    }
    if (operator instanceof Operator.NotExists) {
      return text.isEmpty();
    }
    Double number = toFloat64OrNull(text);
    if (operator instanceof Operator.GreaterThanOrEqual gte) {
      return number != null && number >= gte.value();
    }
    if (operator instanceof Operator.LessThan lt) {
      return number != null && number < lt.value();
    }
    throw new IllegalArgumentException(operator + " is not a single-value test");
  }

  /** Every condition holds on {@code properties} (an empty list holds). */
  public static boolean allMatch(List<PropertyCondition> conditions, JsonNode properties) {
    for (PropertyCondition condition : conditions) {
      if (!test(condition.operator(), ValueText.of(condition.path().read(properties)))) {
        return false;
      }
    }
    return true;
  }

  public static Double toFloat64OrNull(String text) {
    return FLOAT.matcher(text).matches() ? Double.valueOf(text) : null;
  }
}
