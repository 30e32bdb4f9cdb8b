package dev.granular.sink.sql;

import java.util.regex.Pattern;

/**
 * Literal and identifier quoting for ClickHouse SQL. Every value that comes from users (ids, event names,
 * paths, trait values) goes through {@link #string} or {@link #number}; identifiers are checked, not escaped.
 */
public final class Sql {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private Sql() {}

  /** A single-quoted string literal; backslash and quote are escaped, control bytes too. */
  public static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\0' -> out.append("\\0");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** A finite number as a literal; NaN and infinities are refused rather than passed through. */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  public static String number(long value) {
    return Long.toString(value);
  }

  /** A database or table name: restricted to plain identifiers, so it never needs quoting. */
  public static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain identifier ([A-Za-z_][A-Za-z0-9_]*, at most 64): " + name);
    }
    return name;
  }
}
