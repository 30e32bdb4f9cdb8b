package dev.granular.sink.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The canonical text is part of every stored identity: these spellings must never change. */
class CanonicalJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String canonical(String json) throws Exception {
    return CanonicalJson.write(JSON.readTree(json));
  }

  @Test
  void sortsKeysAtEveryDepthWithoutSpaces() throws Exception {
    assertEquals("{\"a\":[3,{\"x\":1,\"y\":2}],\"b\":{\"c\":true,\"d\":null}}",
        canonical("{ \"b\": {\"d\": null, \"c\": true}, \"a\": [3, {\"y\": 2, \"x\": 1}] }"));
  }

  @Test
  void writesNumbersOneWay() throws Exception {
    assertEquals("[20,20.5,0,-3,100000000000000000000,0.001]", canonical("[20.0, 2.05E1, -0.0, -3, 100000000000000000000, 1e-3]"));
  }

  @Test
  void escapesStringsAsJacksonDoes() throws Exception {
    JsonNode node = JSON.createObjectNode().put("q\"k", "line\nbreak \\ tab\t ctl\u0001 é ✓ \uD83D\uDE00 </script>");
    assertEquals("{\"q\\\"k\":\"line\\nbreak \\\\ tab\\t ctl\\u0001 é ✓ \uD83D\uDE00 </script>\"}", CanonicalJson.write(node));
  }

  @Test
  void theIdentityIsTheSha256OfTheCanonicalText() throws Exception {
    assertEquals(CanonicalJson.identity(JSON.readTree("{\"b\":1,\"a\":2.0}")), CanonicalJson.identity(JSON.readTree("{\"a\":2,\"b\":1}")));
    assertNotEquals(CanonicalJson.identity(JSON.readTree("{\"a\":2}")), CanonicalJson.identity(JSON.readTree("{\"a\":\"2\"}")));
    assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.identity(JSON.readTree("{}")));
  }
}
