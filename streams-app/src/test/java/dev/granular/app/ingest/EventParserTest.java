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
    assertEquals(RejectReason.values().length - 1, invalid.size(), "one sample per reason except undecodable_avro");
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
