package dev.granular.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must agree with the JDK formatter on every input: same millis, or both reject. */
class IsoTimestampTest {
  private static Long jdk(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Long ours(String text) {
    try {
      return IsoTimestamp.parseMillis(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Test
  void randomInstantsOffsetsAndFractionsParseAsTheJdkParsesThem() {
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong() % 8_000_000_000L, random.nextInt(1_000_000_000));
      ZoneOffset offset = random.nextInt(3) == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 72) * 900);
      String pattern = switch (random.nextInt(5)) {
        case 0 -> "uuuu-MM-dd'T'HH:mm:ssXXX";
        case 1 -> "uuuu-MM-dd'T'HH:mm:ss.SXXX";
        case 2 -> "uuuu-MM-dd'T'HH:mm:ss.SSSXXX";
        case 3 -> "uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX";
        default -> "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX";
      };
      String text = instant.atOffset(offset).format(DateTimeFormatter.ofPattern(pattern));
      assertEquals(jdk(text), ours(text), text);
    }
  }

  @Test
  void malformedAndUnusualTextsAreDecidedAsTheJdkDecidesThem() {
    List<String> texts = List.of("2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-02-29T23:59:59.999Z",
        "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-01T24:00:00Z",
        "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-01-01T00:00:00", "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00.1234567891Z", "2024-01-01T00:00:00+19:00", "2024-01-01T00:00:00+18:00",
        "2024-01-01T00:00:00-18:01", "2024-01-01T00:00:00+05:30:15", "2024-01-01T00:00:00+0530", "2024-01-01t00:00:00Z",
        "2024-01-01T00:00:00z", "2024-01-01 00:00:00Z", "+12024-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
        "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2024-01-01T00:00:00\u0661Z", "2024-01-01T00:00:0\u0661Z",
        "２０24-01-01T00:00:00Z", "2024-01-01T00:00:00ZZ", "", "x", "2024-01-01T00:00:00.000+00:00");
    for (String text : texts) {
      assertEquals(jdk(text), ours(text), text);
    }
  }

  @Test
  void theCommonShapesTakeTheFastPath() {
    assertEquals(Instant.parse("2024-05-01T12:30:00.123Z").toEpochMilli(), IsoTimestamp.fast("2024-05-01T12:30:00.123Z"));
    assertEquals(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli(), IsoTimestamp.fast("2024-05-01T12:30:00+02:30"));
    assertEquals(Instant.parse("1969-12-31T23:59:59.5Z").toEpochMilli(), IsoTimestamp.fast("1969-12-31T23:59:59.5Z"));
  }

  @Test
  void rejectsWithTheJdkException() {
    assertThrows(DateTimeException.class, () -> IsoTimestamp.parseMillis("not a time"));
  }
}
