package dev.granular.bench.chaos;

import static dev.granular.bench.chaos.RecordMaker.MARK;
import static dev.granular.bench.chaos.RecordMaker.splice;
import static dev.granular.bench.chaos.RecordMaker.utf8;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Bad {@code user-events} records, one class per concern, and the reason the validator must give. Sizes assume the
 * app's defaults: INGEST_MAX_PAYLOAD_BYTES 262,144 and INGEST_MAX_FIELD_LENGTH 1,024.
 */
final class BadEvents {
  static final int MAX_FIELD_LENGTH = 1024;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String runId;
  private final String workspace;

  BadEvents(String runId) {
    this.runId = runId;
    this.workspace = runId + "-bad-events";
  }

  List<BadInputClass> classes() {
    return List.of(
        dead("event_invalid_utf8", "invalid_utf8", splice(track("e" + MARK), 'a', 0xFF, 0xFE)),
        // Jackson alone reads C0 AF as '/', and ED A0 80 as a lone surrogate that breaks the ClickHouse insert.
        dead("event_overlong_utf8", "invalid_utf8", splice(track("e" + MARK), 0xC0, 0xAF)),
        dead("event_encoded_surrogate", "invalid_utf8", splice(track("e" + MARK), 0xED, 0xA0, 0x80)),
        dead("event_nul_byte", "nul_byte", splice(track("e" + MARK), 0x00)),
        dead("event_nul_after_object", "nul_byte", splice(track("e") + MARK, 0x00)), // was accepted, NUL ignored
        dead("event_lone_surrogate", "lone_surrogate", utf8(track("e\\ud800"))),
        dead("event_10mb_payload", "payload_too_large", utf8(identify().set("traits",
            JSON.objectNode().put("blob", "x".repeat(10 * 1024 * 1024))).toString())),
        dead("event_1mb_message_id", "payload_too_large", utf8(identify().put("messageId", "m".repeat(1 << 20)).toString())),
        dead("event_id_over_field_limit", "field_too_long",
            utf8(identify().put("messageId", id("over", MAX_FIELD_LENGTH + 1)).toString())),
        dead("event_numbers_for_strings", "bad_field_type", utf8(identify().put("messageId", 42).toString()),
            utf8(identify().put("userId", 42).toString()), utf8(identify().put("workspaceId", 42).toString()),
            utf8(trackNode("e").put("event", 4.2e1).toString())),
        dead("event_nested_10k", "too_deep", utf8(identify().toString().replaceFirst("}$",
            ",\"traits\":{\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}"))),
        dead("event_2000_digit_number", "token_too_long", utf8(identify().toString().replaceFirst("}$",
            ",\"traits\":{\"n\":" + "9".repeat(2_000) + "}}"))),
        dead("event_two_in_one_record", "trailing_data", utf8(track("first") + track("second"))), // was: second lost
        dead("event_empty", "empty_payload", new byte[0]));
  }

  /** An id of exactly {@code length} chars, unique to the run. */
  private String id(String what, int length) {
    String head = runId + "-" + what + "-";
    return head + "x".repeat(Math.max(0, length - head.length()));
  }

  private BadInputClass dead(String name, String reason, byte[]... values) {
    return RecordMaker.events(runId, name, Expected.deadLetter(reason), List.of(values), null);
  }

  private ObjectNode identify() {
    return JSON.objectNode().put("workspaceId", workspace).put("type", "identify").put("messageId", runId + "-m")
        .put("userId", "u");
  }

  private ObjectNode trackNode(String event) {
    return JSON.objectNode().put("workspaceId", workspace).put("type", "track").put("messageId", runId + "-m")
        .put("userId", "u").put("event", event);
  }

  /** A track event's JSON text; {@code event} is spliced verbatim, so it may hold escapes and the raw-bytes mark. */
  private String track(String event) {
    return trackNode("@E@").toString().replace("@E@", event);
  }
}
