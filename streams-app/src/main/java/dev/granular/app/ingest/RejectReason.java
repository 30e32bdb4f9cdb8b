package dev.granular.app.ingest;

/** Why an input record went to the dead-letter topic; the lower-case name is the {@code granular.reason} header. */
public enum RejectReason {
  EMPTY_PAYLOAD,
  PAYLOAD_TOO_LARGE,
  UNPARSEABLE_JSON,
  NOT_AN_OBJECT,
  UNDECODABLE_AVRO,
  MISSING_WORKSPACE_ID,
  MISSING_MESSAGE_ID,
  MISSING_USER_ID,
  UNKNOWN_TYPE,
  MISSING_EVENT,
  BAD_TIMESTAMP,
  BAD_FIELD_TYPE,
  FIELD_TOO_LONG,
  PROPERTIES_NOT_OBJECT,
  TRAITS_NOT_OBJECT,
  /** Bytes that are not well-formed UTF-8 (overlong forms and encoded surrogates included). */
  INVALID_UTF8,
  /** A raw 0x00 byte: never valid JSON; inside a string it must be the escape backslash-u0000. */
  NUL_BYTE,
  /** A string with half a surrogate pair: it has no UTF-8 form, and ClickHouse refuses the whole insert. */
  LONE_SURROGATE,
  /** JSON nested deeper than the parser's limit (1,000 levels). */
  TOO_DEEP,
  /** A number, string or field name longer than the parser's limits (e.g. a number of more than 1,000 digits). */
  TOKEN_TOO_LONG,
  /** More after the JSON value, e.g. two events in one record: one would be lost, so both are dead-lettered. */
  TRAILING_DATA;

  /** Every code, for metrics that list each reason at zero from the start. */
  public static java.util.List<String> codes() {
    return java.util.Arrays.stream(values()).map(RejectReason::code).toList();
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
