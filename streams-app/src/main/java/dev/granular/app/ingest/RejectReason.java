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
  TRAITS_NOT_OBJECT;

  /** Every code, for metrics that list each reason at zero from the start. */
  public static java.util.List<String> codes() {
    return java.util.Arrays.stream(values()).map(RejectReason::code).toList();
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
