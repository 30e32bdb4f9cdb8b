package dev.granular.bench.chaos;

import static dev.granular.bench.chaos.RecordMaker.MARK;
import static dev.granular.bench.chaos.RecordMaker.keyValue;
import static dev.granular.bench.chaos.RecordMaker.splice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Bad records of the definitions topic, one class per concern, and the reason the validator must give. Each
 * record is keyed {@code <runId>-bad-definitions/<class>-<i>}, unique, so its dead letter finds its class.
 */
final class BadDefinitions {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String EVERYONE = "{\"entryNode\":{\"type\":\"Everyone\"}}";

  private final String workspace;

  BadDefinitions(String runId) {
    this.workspace = runId + "-bad-definitions";
  }

  List<BadInputClass> classes() {
    return List.of(
        dead("definition_invalid_utf8", "invalid_utf8", 0, id -> splice(segment(id, "n" + MARK, EVERYONE), 0xC0, 0xAF)),
        dead("definition_nul_byte", "nul_byte", 0, id -> splice(segment(id, "n" + MARK, EVERYONE), 0x00)),
        dead("definition_lone_surrogate", "lone_surrogate", 0, id -> RecordMaker.utf8(segment(id, "n\\udc00", EVERYONE))),
        dead("definition_json_nested_10k", "too_deep", 0, id -> RecordMaker.utf8(segment(id, "n",
            "{\"entryNode\":{\"type\":\"Everyone\",\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}"))),
        // Recursion over child ids overflowed the stream thread's stack here, which no handler survives.
        dead("definition_chain_10k", "too_deep", 0, id -> RecordMaker.utf8(segment(id, "n", chain(10_000)))),
        dead("definition_100k_nodes", "too_many_nodes", 0, id -> RecordMaker.utf8(segment(id, "n", everyoneNodes(100_000)))),
        dead("definition_segment_cycle", "cycle", 0, id -> RecordMaker.utf8(segment(id, "n",
            "{\"entryNode\":{\"type\":\"And\",\"children\":[\"a\"]},\"nodes\":[{\"id\":\"a\",\"type\":\"Or\",\"children\":[\"b\"]},"
                + "{\"id\":\"b\",\"type\":\"And\",\"children\":[\"a\"]}]}"))),
        dead("definition_user_property_cycle", "cycle", 0, id -> RecordMaker.utf8(userProperty(id,
            "{\"type\":\"Group\",\"entry\":\"a\",\"nodes\":[{\"id\":\"a\",\"type\":\"AnyOf\",\"children\":[\"b\"]},"
                + "{\"id\":\"b\",\"type\":\"AnyOf\",\"children\":[\"a\"]}]}"))),
        dead("definition_segment_dangling_child", "dangling_child", 0, id -> RecordMaker.utf8(segment(id, "n",
            "{\"entryNode\":{\"type\":\"And\",\"children\":[\"nowhere\"]},\"nodes\":[]}"))),
        dead("definition_user_property_dangling_child", "dangling_child", 0, id -> RecordMaker.utf8(userProperty(id,
            "{\"type\":\"Group\",\"entry\":\"a\",\"nodes\":[{\"id\":\"a\",\"type\":\"AnyOf\",\"children\":[\"nowhere\"]}]}"))),
        dead("definition_numbers_for_strings", "wrong_type", 3, id -> RecordMaker.utf8(switch (id.charAt(id.length() - 1)) {
          case '0' -> segment(id, "n", EVERYONE).replace("\"id\":\"" + id + "\"", "\"id\":42");
          case '1' -> segment(id, "n", "{\"entryNode\":{\"type\":\"Trait\",\"path\":42,\"operator\":{\"type\":\"Exists\"}}}");
          default -> segment(id, "n", "{\"entryNode\":{\"type\":\"Performed\",\"event\":42.5}}");
        })),
        dead("definition_1mb_id", "id_too_long", 0, id -> RecordMaker.utf8(segment("p".repeat(1 << 20), "n", EVERYONE))),
        dead("definition_too_large", "too_large", 0, id -> RecordMaker.utf8(segment(id, "n",
            "{\"entryNode\":{\"type\":\"Trait\",\"path\":\"p\",\"operator\":{\"type\":\"Equals\",\"value\":\""
                + "v".repeat(300 * 1024) + "\"}}}"))),
        RecordMaker.definitions("definition_bad_key", Expected.deadLetter("bad_key"),
            List.<byte[][]>of(keyValue(workspace + "-no-slash", segment("x", "n", EVERYONE))), null),
        RecordMaker.definitions("definition_key_mismatch", Expected.deadLetter("key_mismatch"),
            List.<byte[][]>of(keyValue(workspace + "/definition_key_mismatch-0", segment("another-id", "n", EVERYONE))), null));
  }

  private interface Value {
    byte[] of(String id);
  }

  /** {@code count} records (1 when 0) with ids "class-i", keyed with them, so that only the value is at fault. */
  private BadInputClass dead(String name, String reason, int count, Value value) {
    List<byte[][]> records = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(1, count); i++) {
      String id = name + "-" + i;
      records.add(keyValue(workspace + "/" + id, value.of(id)));
    }
    return RecordMaker.definitions(name, Expected.deadLetter(reason), records, null);
  }

  /** A segment message; {@code name} and {@code definition} are JSON spliced verbatim (escapes, raw-bytes mark). */
  private String segment(String id, String name, String definition) {
    return message(id, "Segment").replace("\"@N@\"", "\"" + name + "\"").replace("\"@D@\"", definition);
  }

  private String userProperty(String id, String definition) {
    return message(id, "UserProperty").replace("\"@N@\"", "\"n\"").replace("\"@D@\"", definition);
  }

  private String message(String id, String type) {
    ObjectNode message = JSON.objectNode().put("workspaceId", workspace).put("id", id).put("name", "@N@").put("type", type)
        .put("definition", "@D@");
    return message.toString();
  }

  /** And-nodes n0 -> n1 -> ... -> an Everyone leaf, {@code levels} deep. */
  private static String chain(int levels) {
    StringBuilder nodes = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      nodes.append("{\"id\":\"n").append(i).append("\",\"type\":\"And\",\"children\":[\"n").append(i + 1).append("\"]},");
    }
    nodes.append("{\"id\":\"n").append(levels).append("\",\"type\":\"Everyone\"}");
    return "{\"entryNode\":{\"type\":\"And\",\"children\":[\"n0\"]},\"nodes\":[" + nodes + "]}";
  }

  /** {@code count} unreferenced Everyone nodes with short ids: about 32 bytes each. */
  private static String everyoneNodes(int count) {
    StringBuilder nodes = new StringBuilder();
    for (int i = 0; i < count; i++) {
      nodes.append(i == 0 ? "" : ",").append("{\"id\":\"").append(Integer.toString(i, 36)).append("\",\"type\":\"Everyone\"}");
    }
    return "{\"entryNode\":{\"type\":\"Everyone\"},\"nodes\":[" + nodes + "]}";
  }
}
