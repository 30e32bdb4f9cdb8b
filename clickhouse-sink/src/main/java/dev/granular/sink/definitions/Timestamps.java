package dev.granular.sink.definitions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a trait value as a point in time, for Within and AbsoluteTimestamp (Dittofeed uses ClickHouse
 * parseDateTimeBestEffortOrZero). Accepted: ISO-8601 with offset or Z, ISO local date-time or date (UTC),
 * with 'T' or a space, and whole unix seconds. Anything else is not a time (never matches).
 */
public final class Timestamps {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Timestamps() {
  }

  public static Long parseMs(String text) {
    String value = text.trim();
    if (value.matches("\\d{1,10}")) {
      return Long.parseLong(value) * 1000;
    }
    String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11)
        : value;
    try {
      return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notDate) {
          return null;
        }
      }
    }
  }

  public static String seconds(long ms) {
    // Dittofeed formats PerformedMany timestamps as '%Y-%m-%dT%H:%i:%S' in UTC: no millis, no zone.
    return SECONDS.format(Instant.ofEpochMilli(ms));
  }
}
