package dev.granular.sink.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyPathTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "email|$.email", "a.b|$.a.b", "$.a.b|$.a.b", "$[\"a\"][\"b\"]|$.a.b", "$['a']|$.a",
      "$[\"value with spaces\"]|$[\"value with spaces\"]", "items[0]|$.items[0]", "$|$"})
  void normalisesSpellings(String raw, String canonical) {
    PropertyPath path = PropertyPath.parse(raw);
    assertTrue(path.valid(), raw);
    assertEquals(canonical, path.canonical());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a[..email", "!*(_.$%", "", "a..b", "a[*]", "a[0", "$..a", "a.b["})
  void marksUnsupportedSyntaxInvalid(String raw) {
    assertFalse(PropertyPath.parse(raw).valid(), raw);
  }

  @Test
  void readsValues() throws Exception {
    JsonNode root = new ObjectMapper().readTree("{\"a\":{\"b\":[10,{\"c d\":true}]},\"s\":\"\"}");
    assertEquals("10", ValueText.of(PropertyPath.parse("a.b[0]").read(root)));
    assertEquals("true", ValueText.of(PropertyPath.parse("$.a.b[1][\"c d\"]").read(root)));
    assertEquals("", ValueText.of(PropertyPath.parse("a.x").read(root)));
    assertEquals("", ValueText.of(PropertyPath.parse("s").read(root)));
    assertEquals(root, PropertyPath.parse("$").read(root).orElseThrow());
  }

  @Test
  void eventPatternsFollowDittofeed() {
    assertTrue(EventPattern.parse("*").matches("anything"));
    assertTrue(EventPattern.parse("TEST_*").matches("TEST_A"));
    assertFalse(EventPattern.parse("TEST_*").matches("TEST"));
    assertTrue(EventPattern.parse("test event name").matches("test event name"));
    assertFalse(EventPattern.parse("test").matches("test2"));
    assertTrue(EventPattern.parse("*abc").matches("*abc"), "an empty prefix is an exact name in Dittofeed");
  }
}
