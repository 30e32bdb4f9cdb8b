package dev.granular.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.app.feed.SampleEvents;
import dev.granular.avro.EventType;
import dev.granular.avro.UserEvent;
import dev.granular.avro.codec.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTest {
  private static final int MAX_FIELD = 64;
  private static final int MAX_PAYLOAD = 4096;
  private final EventParser parser = new EventParser(MAX_PAYLOAD, MAX_FIELD);

  private ParseResult parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), 777L);
  }

  private UserEvent valid(String json) {
    return assertInstanceOf(ParseResult.Valid.class, parse(json)).event();
  }

  private RejectReason rejected(String json) {
    return assertInstanceOf(ParseResult.Rejected.class, parse(json)).reason();
  }

  @Test
  void acceptsASegmentTrackAndIgnoresUnknownFieldsAndNulls() {
    UserEvent e = valid("""
        {"workspaceId":"w","messageId":"m1","type":"track","event":"Bought Shoes","userId":"u1","anonymousId":null,
         "properties":{"price":10,"tags":["a"]},"traits":null,"timestamp":"2025-01-02T03:04:05.678+01:00",
         "context":{"ip":"1.2.3.4"},"integrations":{"All":true},"sentAt":"whatever"}""");
    assertEquals("w", e.getWorkspaceId());
    assertEquals(EventType.track, e.getType());
    assertEquals("u1", e.getUserId());
    assertNull(e.getAnonymousId());
    assertNull(e.getTraitsJson());
    assertEquals("{\"price\":10,\"tags\":[\"a\"]}", e.getPropertiesJson());
    assertEquals(Instant.parse("2025-01-02T02:04:05.678Z").toEpochMilli(), e.getTimestampMs());
  }

  @Test
  void anonymousOnlyIdentifyIsValidAndMissingTimestampFallsBackToTheRecordTime() {
    UserEvent e = valid("{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"IDENTIFY\",\"anonymousId\":\"a\",\"traits\":{\"plan\":\"pro\"}}");
    assertEquals(EventType.identify, e.getType());
    assertNull(e.getUserId());
    assertEquals(777L, e.getTimestampMs());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unparseable_json      | {\"workspaceId\": ",
      "not_an_object         | \"just a string\"",
      "missing_workspace_id  | {\"messageId\":\"m\",\"type\":\"identify\",\"userId\":\"u\"}",
      "missing_workspace_id  | {\"workspaceId\":\"  \",\"messageId\":\"m\",\"type\":\"identify\",\"userId\":\"u\"}",
      "missing_message_id    | {\"workspaceId\":\"w\",\"messageId\":null,\"type\":\"identify\",\"userId\":\"u\"}",
      "missing_user_id       | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"identify\",\"userId\":\"\"}",
      "unknown_type          | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"alias\",\"userId\":\"u\"}",
      "unknown_type          | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"userId\":\"u\"}",
      "missing_event         | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"track\",\"userId\":\"u\"}",
      "bad_timestamp         | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"u\",\"timestamp\":\"2025-13-01\"}",
      "bad_timestamp         | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"u\",\"timestamp\":12345}",
      "bad_timestamp         | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"u\",\"timestamp\":\"1969-12-31T23:59:59Z\"}",
      "bad_field_type        | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":42}",
      "properties_not_object | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"u\",\"properties\":\"x\"}",
      "traits_not_object     | {\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"identify\",\"userId\":\"u\",\"traits\":[1]}",
  })
  void rejectsWithTheRightReason(String reason, String json) {
    assertEquals(reason, rejected(json).code());
  }

  @Test
  void rejectsOverLongFieldsAndPayloads() {
    assertEquals(RejectReason.FIELD_TOO_LONG, rejected("{\"workspaceId\":\"w\",\"messageId\":\"" + "m".repeat(MAX_FIELD + 1)
        + "\",\"type\":\"identify\",\"userId\":\"u\"}"));
    assertEquals(RejectReason.PAYLOAD_TOO_LARGE, rejected("{\"workspaceId\":\"w\",\"pad\":\"" + "x".repeat(MAX_PAYLOAD) + "\"}"));
    assertEquals(RejectReason.EMPTY_PAYLOAD, assertInstanceOf(ParseResult.Rejected.class, parser.parse(new byte[0], 0)).reason());
    assertEquals(RejectReason.EMPTY_PAYLOAD, assertInstanceOf(ParseResult.Rejected.class, parser.parse(null, 0)).reason());
  }

  @Test
  void everySampleInvalidRecordIsRejectedForItsStatedReason() {
    List<String[]> invalid = new SampleEvents(1, "r", 0).invalid("w", MAX_FIELD, MAX_PAYLOAD);
    for (String[] record : invalid) {
      ParseResult result = parse(record[1]);
      assertEquals(record[0], assertInstanceOf(ParseResult.Rejected.class, result, record[0]).reason().code());
    }
    // The samples are JSON text for the demo and the load generator; byte-level and parser-limit reasons are in
    // badInputGetsItsOwnReason below and in the bench's bad-input catalogue.
    assertEquals(RejectReason.values().length - 1 - BAD_INPUT.size(), invalid.size(),
        "one sample per reason except undecodable_avro and " + BAD_INPUT);
  }

  private static final List<RejectReason> BAD_INPUT = List.of(RejectReason.INVALID_UTF8, RejectReason.NUL_BYTE,
      RejectReason.LONE_SURROGATE, RejectReason.TOO_DEEP, RejectReason.TOKEN_TOO_LONG, RejectReason.TRAILING_DATA);

  /** A track event whose event name is {@code name} as raw bytes. */
  private RejectReason rejectedBytes(byte... name) {
    byte[] head = "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"track\",\"userId\":\"u\",\"event\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] value = java.util.Arrays.copyOf(head, head.length + name.length + 2);
    System.arraycopy(name, 0, value, head.length, name.length);
    value[value.length - 2] = '"';
    value[value.length - 1] = '}';
    return assertInstanceOf(ParseResult.Rejected.class, parser.parse(value, 0)).reason();
  }

  @Test
  void badInputGetsItsOwnReason() {
    assertEquals(RejectReason.INVALID_UTF8, rejectedBytes((byte) 'a', (byte) 0xFF));
    assertEquals(RejectReason.INVALID_UTF8, rejectedBytes((byte) 0xC0, (byte) 0xAF)); // overlong '/', which Jackson accepts
    assertEquals(RejectReason.INVALID_UTF8, rejectedBytes((byte) 0xED, (byte) 0xA0, (byte) 0x80)); // an encoded surrogate
    assertEquals(RejectReason.NUL_BYTE, rejectedBytes((byte) 'a', (byte) 0));
    String event = "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"";
    assertEquals(RejectReason.LONE_SURROGATE, rejected(event.replace("\"e\"", "\"e\\ud800\"") + "}"));
    assertEquals(RejectReason.LONE_SURROGATE, rejected(event + ",\"properties\":{\"k\\udc00\":1}}"));
    assertEquals(RejectReason.TOO_DEEP, rejected(event + ",\"properties\":{\"a\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}}"));
    assertEquals(RejectReason.TOKEN_TOO_LONG, rejected(event + ",\"properties\":{\"n\":" + "9".repeat(1_001) + "}}"));
    assertEquals(RejectReason.TRAILING_DATA, rejected(event + "}" + event + "}"));
    assertEquals(RejectReason.TRAILING_DATA, rejected(event + "} garbage"));
    assertEquals("e\u0000", valid(event.replace("\"e\"", "\"e\\u0000\"") + "}\n").getEvent(), "escaped NUL, trailing newline");
    assertEquals("e\uD83D\uDE00", valid(event.replace("\"e\"", "\"e\\ud83d\\ude00\"") + "}").getEvent(), "a pair is fine");
  }

  @Test
  void acceptsAvroSingleObjectAndValidatesItTheSameWay() {
    AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);
    UserEvent ok = UserEvent.newBuilder().setWorkspaceId("w").setMessageId("m").setType(EventType.screen)
        .setAnonymousId("a").setTimestampMs(5L).build();
    assertEquals(ok, assertInstanceOf(ParseResult.Valid.class, parser.parse(codec.encode(ok), 0)).event());

    UserEvent noUser = UserEvent.newBuilder(ok).setAnonymousId(null).build();
    assertEquals(RejectReason.MISSING_USER_ID,
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(codec.encode(noUser), 0)).reason());
    UserEvent badProps = UserEvent.newBuilder(ok).setPropertiesJson("[1]").build();
    assertEquals(RejectReason.PROPERTIES_NOT_OBJECT,
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(codec.encode(badProps), 0)).reason());

    byte[] corrupt = codec.encode(ok);
    corrupt[5] ^= 0x7f; // a fingerprint nobody knows
    assertEquals(RejectReason.UNDECODABLE_AVRO, assertInstanceOf(ParseResult.Rejected.class, parser.parse(corrupt, 0)).reason());
  }

  @Test
  void hostileStringsPassThroughUnchanged() throws Exception {
    String hostile = "x'); DROP TABLE user_events; --\\\\ \u0000 \"quoted\" \t\n ünï";
    String json = new ObjectMapper().createObjectNode().put("workspaceId", "w").put("messageId", hostile)
        .put("type", "track").put("event", hostile).put("userId", hostile).toString();
    UserEvent e = valid(json.replace("\"type\"", "\"timestamp\":\"2025-01-01T00:00:00Z\",\"type\""));
    assertEquals(hostile, e.getMessageId());
    assertEquals(hostile, e.getEvent());
  }
}
