package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionsTopologyTest {
  private static final String OK = "{\"workspaceId\":\"w\",\"id\":\"%s\",\"name\":\"n\",\"type\":\"Segment\",\"definition\":"
      + "{\"entryNode\":{\"type\":\"Trait\",\"id\":\"1\",\"path\":\"plan\",\"operator\":{\"type\":\"Equals\",\"value\":\"pro\"}},\"nodes\":[]}}";

  @Test
  void invalidDefinitionsGoToTheDeadLettersWithTheirReasonAndTheOthersKeepWorking() {
    try (PlannerHarness h = new PlannerHarness(Map.of())) {
      h.definition("w/good", OK.formatted("good"));
      h.definition("w/unknown", "{\"workspaceId\":\"w\",\"id\":\"unknown\",\"name\":\"n\",\"type\":\"Segment\",\"definition\":"
          + "{\"entryNode\":{\"type\":\"Telepathy\",\"id\":\"1\"},\"nodes\":[]}}");
      h.definition("w/dangling", "{\"workspaceId\":\"w\",\"id\":\"dangling\",\"name\":\"n\",\"type\":\"Segment\",\"definition\":"
          + "{\"entryNode\":{\"type\":\"And\",\"id\":\"1\",\"children\":[\"2\"]},\"nodes\":[]}}");
      h.definition("w/cycle", "{\"workspaceId\":\"w\",\"id\":\"cycle\",\"name\":\"n\",\"type\":\"Segment\",\"definition\":"
          + "{\"entryNode\":{\"type\":\"And\",\"id\":\"1\",\"children\":[\"2\"]},\"nodes\":[{\"type\":\"Or\",\"id\":\"2\",\"children\":[\"3\"]},"
          + "{\"type\":\"And\",\"id\":\"3\",\"children\":[\"2\"]}]}}");
      h.definition("w/mismatch", OK.formatted("other"));
      h.definition("no-slash", OK.formatted("x"));
      h.definition("w/garbage", "{not json");
      h.definition("w/second", OK.formatted("second"));

      assertEquals(List.of("unknown_node_type", "dangling_child", "cycle", "key_mismatch", "bad_key", "malformed"),
          h.definitionDeadLetterReasons());
      assertEquals(2, h.state("w").getProperties(), "the two valid definitions are in force");

      h.definition("w/good", null); // a tombstone deletes
      assertEquals(1, h.state("w").getProperties());
    }
  }
}
