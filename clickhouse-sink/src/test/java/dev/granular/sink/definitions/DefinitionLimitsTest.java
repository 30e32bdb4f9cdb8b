package dev.granular.sink.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.granular.sink.definitions.DefinitionException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile definitions get a reason, never a stack overflow or a silently altered string. */
class DefinitionLimitsTest {
  private static String message(String id, String definition) {
    return "{\"workspaceId\":\"w\",\"id\":\"" + id + "\",\"type\":\"Segment\",\"definition\":" + definition + "}";
  }

  private static Reason reason(byte[] message) {
    return assertThrows(DefinitionException.class, () -> DefinitionParser.parse(message)).reason();
  }

  private static Reason reason(String message) {
    return reason(message.getBytes(StandardCharsets.UTF_8));
  }

  /** And-nodes n0 -> n1 -> ... -> n(levels-1) -> an Everyone leaf. */
  static String chain(int levels) {
    StringBuilder nodes = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      nodes.append("{\"id\":\"n").append(i).append("\",\"type\":\"And\",\"children\":[\"n").append(i + 1).append("\"]},");
    }
    nodes.append("{\"id\":\"n").append(levels).append("\",\"type\":\"Everyone\"}");
    return "{\"entryNode\":{\"type\":\"And\",\"children\":[\"n0\"]},\"nodes\":[" + nodes + "]}";
  }

  @Test
  void aChainOfTenThousandNodesIsTooDeepNotAStackOverflow() {
    assertEquals(Reason.TOO_DEEP, reason(message("s", chain(10_000))));
    DefinitionParser.parse(message("s", chain(DefinitionParser.MAX_DEPTH - 1)).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonNestedTenThousandLevelsIsTooDeep() {
    String nested = "[".repeat(10_000) + "]".repeat(10_000);
    assertEquals(Reason.TOO_DEEP, reason(message("s", "{\"entryNode\":{\"type\":\"Everyone\",\"x\":" + nested + "}}")));
  }

  @Test
  void countsAndSizes() {
    StringBuilder nodes = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      nodes.append(i == 0 ? "" : ",").append("{\"id\":\"").append(Integer.toString(i, 36)).append("\",\"type\":\"Everyone\"}");
    }
    assertEquals(Reason.TOO_MANY_NODES, reason(message("s", "{\"entryNode\":{\"type\":\"Everyone\"},\"nodes\":[" + nodes + "]}")));
    assertEquals(Reason.ID_TOO_LONG, reason(message("x".repeat(1 << 20), "{\"entryNode\":{\"type\":\"Everyone\"}}")));
    String bigValue = "{\"entryNode\":{\"type\":\"Trait\",\"path\":\"p\",\"operator\":{\"type\":\"Equals\",\"value\":\""
        + "v".repeat(DefinitionParser.MAX_BYTES) + "\"}}}";
    assertEquals(Reason.TOO_LARGE, reason(message("s", bigValue)));
    assertEquals(Reason.TOO_LARGE, reason(new byte[DefinitionParser.MAX_PARSE_BYTES + 1]));
  }

  @Test
  void bytesAndStrings() {
    byte[] nul = message("s__", "{\"entryNode\":{\"type\":\"Everyone\"}}").getBytes(StandardCharsets.UTF_8);
    int at = new String(nul, StandardCharsets.UTF_8).indexOf("s__");
    nul[at + 1] = 0; // inside the id
    assertEquals(Reason.NUL_BYTE, reason(nul));
    byte[] invalid = message("s__", "{\"entryNode\":{\"type\":\"Everyone\"}}").getBytes(StandardCharsets.UTF_8);
    invalid[at + 1] = (byte) 0xC0; // overlong '/': Jackson alone would read it as a slash
    invalid[at + 2] = (byte) 0xAF;
    assertEquals(Reason.INVALID_UTF8, reason(invalid));
    assertEquals(Reason.LONE_SURROGATE, reason(message("s\\ud800", "{\"entryNode\":{\"type\":\"Everyone\"}}")));
    assertEquals(Reason.WRONG_TYPE, reason("{\"workspaceId\":\"w\",\"id\":5,\"type\":\"Segment\",\"definition\":{}}"));
    assertEquals(Reason.WRONG_TYPE, reason(message("s", "{\"entryNode\":{\"type\":\"Performed\",\"event\":42}}")));
    assertEquals(Reason.MALFORMED, reason(message("s", "{\"entryNode\":{\"type\":\"Everyone\"}}") + "{}"));
    // An escaped NUL is a legal character of a string, kept as is.
    assertEquals("s\u0000", DefinitionParser.parse(message("s\\u0000", "{\"entryNode\":{\"type\":\"Everyone\"}}")
        .getBytes(StandardCharsets.UTF_8)).id());
  }
}
