package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The text form Dittofeed compares values in: what ClickHouse {@code JSON_VALUE} returns (with complex values
 * allowed), so comparisons are string comparisons. Missing and {@code ""} both give {@code ""}, which
 * Dittofeed treats as "no value"; JSON null gives {@code "null"}, which it treats as a value.
 */
public final class ValueText {

  private ValueText() {
  }

  public static String of(Optional<JsonNode> value) {
    return value.map(ValueText::of).orElse("");
  }

  public static String of(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return number(value);
    }
    return value.toString(); // true/false/null and compact JSON for objects and arrays
  }

  /** Numbers as JavaScript prints them for the common cases: 10 not 10.0, 20.5 not 2.05E1. */
  private static String number(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    BigDecimal decimal = value.isBigDecimal() ? value.decimalValue() : BigDecimal.valueOf(value.doubleValue());
    String plain = decimal.stripTrailingZeros().toPlainString();
    return plain.equals("-0") ? "0" : plain;
  }
}
