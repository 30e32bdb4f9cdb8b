package dev.granular.bench.chaos;

import java.util.List;

/**
 * Strings that would do harm if any layer pasted them into SQL or TSV: quotes, comment and statement breaks, escapes,
 * ClickHouse's TSV NULL marker, the migrations' {db} placeholder, control chars and an escaped NUL, astral and
 * bidi characters, JSONPath syntax. They are valid input: the app must store and answer them verbatim.
 */
final class HostileStrings {
  static final List<String> ALL = List.of(
      "'); DROP TABLE user_events; --",
      "' OR '1'='1",
      "\\'; DROP TABLE assignments; --",
      "\" OR \"\"=\"",
      "tab\there new\nline cr\r",
      "\\N",
      "nul\u0000byte",
      "{db}.user_events",
      "%_like_% ? $1 :name",
      "`backtick` /* c */ -- ",
      "ünïcødé ✓ 😀 \u202Eevil",
      "$..[*] a.b['c']",
      "{\"json\": [1, \"two\"]}");

  private HostileStrings() {}

  /** A bracketed JSONPath that reads the member named {@code key}, whatever it holds. */
  static String path(String key) {
    return "$[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }
}
