package dev.granular.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Adds one instance's overview into the total: numbers summed, arrays concatenated, objects merged. */
final class JsonSum {
  private JsonSum() {}

  static void into(ObjectNode total, JsonNode add) {
    for (var e : add.properties()) {
      JsonNode mine = total.get(e.getKey());
      JsonNode theirs = e.getValue();
      if (mine == null) {
        total.set(e.getKey(), theirs.deepCopy());
      } else if (mine.isNumber() && theirs.isNumber()) {
        total.put(e.getKey(), mine.asLong() + theirs.asLong());
      } else if (mine.isArray() && theirs.isArray()) {
        ((ArrayNode) mine).addAll((ArrayNode) theirs.deepCopy());
      } else if (mine.isObject() && theirs.isObject()) {
        into((ObjectNode) mine, theirs);
      }
    }
  }
}
