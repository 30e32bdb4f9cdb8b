package dev.granular.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One JSON object per line, for the commands' {@code --json}. */
final class JsonOut {
  static final ObjectMapper JSON = new ObjectMapper();

  private JsonOut() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static void print(ObjectNode line) {
    System.out.println(line.toString());
  }
}
