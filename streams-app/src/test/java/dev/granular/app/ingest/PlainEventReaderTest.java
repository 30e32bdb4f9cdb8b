package dev.granular.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reader against the tree path it short-cuts: for every input it takes, the outcome and the stored
 * text must be the tree path's, byte for byte; every input of another shape must be left to the tree path.
 */
class PlainEventReaderTest {
  private static final String HEAD = "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",";
  private final EventParser parser = new EventParser(1 << 20, 4096);

  @ParameterizedTest
  @ValueSource(strings = {
      HEAD + "\"properties\":{\"price\":10,\"f\":1.50,\"e\":1E2,\"neg\":-0.0,\"big\":123456789012345678901234567890,\"tiny\":1e-400,\"huge\":1e400}}",
      HEAD + "\"properties\" : { \"a\" : [ 1 , { \"b\" : null } , true , false , \"x\\u00e9\\n\\\"\" ] } , \"timestamp\" : \"2025-01-02T03:04:05Z\" }",
      HEAD + "\"properties\":{\"na\\u006de\":\"\\ud83d\\ude00 emoji\",\"\":\"\",\"'; DROP TABLE user_events; --\":\"\\u0000\"}}",
      HEAD + "\"properties\":{},\"traits\":{\"plan\":\"pro\",\"n\":{\"m\":{\"o\":[[[]]]}}},\"context\":{\"ip\":\"1.2.3.4\"},\"x\":[1,{\"y\":2}]}",
      "{\"type\":\"IDENTIFY\",\"anonymousId\":\"a\",\"workspaceId\":\"w\",\"messageId\":\"m\",\"traits\":null,\"properties\":null,\"userId\":null}",
      HEAD + "\"timestamp\":\"2025-01-02T03:04:05.678+01:00\"}",
      "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"  \",\"anonymousId\":\"a\"}",
      "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"  \",\"anonymousId\":\"\"}",
  })
  void takesPlainEventsAndStoresWhatTheTreePathStores(String json) {
    byte[] value = json.getBytes(StandardCharsets.UTF_8);
    ParseResult plain = parser.parsePlain(value, 777L);
    assertNotNull(plain, "a plain event takes the fast path");
    assertEquals(parser.parseTree(value, 777L), plain);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      HEAD + "\"properties\":{\"a\":1,\"a\":2}}", // a repeated name: the tree keeps the last
      "{\"workspaceId\":\"w\",\"workspaceId\":\"v\",\"messageId\":\"m\",\"type\":\"page\",\"userId\":\"u\"}",
      HEAD + "\"properties\":\"x\"}",
      HEAD + "\"timestamp\":12345}",
      HEAD + "\"timestamp\":\"2025-13-01\"}",
      "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"type\":\"alias\",\"userId\":\"u\"}",
      "{\"workspaceId\":\"w\",\"messageId\":\"m\",\"userId\":42,\"type\":\"page\"}",
      HEAD + "\"properties\":{}} {}",
      HEAD + "\"properties\":{}} x",
      HEAD + "\"properties\":{",
      "[1,2]",
      "\"just a string\"",
  })
  void leavesEveryOtherShapeToTheTreePath(String json) {
    byte[] value = json.getBytes(StandardCharsets.UTF_8);
    assertNull(parser.parsePlain(value, 777L));
    assertEquals(parser.parseTree(value, 777L), parser.parse(value, 777L));
  }

  @Test
  void randomObjectsAreCopiedAsTheTreeWritesThem() {
    Random random = new Random(20261125);
    for (int i = 0; i < 2_000; i++) {
      String json = HEAD + "\"properties\":" + object(random, 0) + ",\"traits\":" + object(random, 0) + "}";
      byte[] value = json.getBytes(StandardCharsets.UTF_8);
      ParseResult plain = parser.parsePlain(value, 0L);
      assertNotNull(plain, json);
      assertEquals(parser.parseTree(value, 0L), plain, json);
    }
  }

  private static String object(Random random, int depth) {
    StringBuilder b = new StringBuilder("{");
    int fields = random.nextInt(depth > 3 ? 2 : 5);
    for (int f = 0; f < fields; f++) {
      b.append(f > 0 ? "," : "").append(random.nextBoolean() ? " " : "").append('"').append("k").append(f).append(random.nextBoolean() ? "x" : "").append('"')
          .append(random.nextBoolean() ? " : " : ":").append(value(random, depth + 1));
    }
    return b.append("}").toString();
  }

  private static String value(Random random, int depth) {
    List<String> scalars = List.of("0", "-1", "3.14159", "2.50", "1e3", "-4.0E-7", "9223372036854775808", "0.1", "true",
        "false", "null", "\"\"", "\"a\\tb\"", "\"\\u00e9\\u4e2d\"", "\"\\ud83d\\ude00\"", "\"' OR 1=1 --\"", "\"\\\\\\/\"");
    return switch (depth > 4 ? 0 : random.nextInt(4)) {
      case 1 -> object(random, depth);
      case 2 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
      default -> scalars.get(random.nextInt(scalars.size()));
    };
  }
}
