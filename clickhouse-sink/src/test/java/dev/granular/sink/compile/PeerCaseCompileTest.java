package dev.granular.sink.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every peer-case definition (including mid-case updates) compiles into a consistent index. */
class PeerCaseCompileTest {

  @Test
  void everyPeerCaseDefinitionCompiles() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode file;
    try (InputStream in = getClass().getResourceAsStream("/peer-cases/dittofeed-cases.json")) {
      file = mapper.readTree(in);
    }
    int compiled = 0;
    for (JsonNode peerCase : file.get("cases")) {
      Map<String, PropertyDefinition> defs = new LinkedHashMap<>();
      add(mapper, defs, peerCase.get("segments"), "Segment");
      add(mapper, defs, peerCase.get("userProperties"), "UserProperty");
      WorkspaceIndex index = ProfileCompiler.compile("ws", defs.values());
      for (JsonNode step : peerCase.get("steps")) {
        if (step.get("type").asText().equals("updateDefinitions")) {
          add(mapper, defs, step.get("segments"), "Segment");
          add(mapper, defs, step.get("userProperties"), "UserProperty");
          index = ProfileCompiler.compile("ws", defs.values(), index.baseline());
        }
      }
      checkConsistent(index);
      compiled++;
    }
    assertTrue(compiled == 66);
  }

  private static void checkConsistent(WorkspaceIndex index) {
    for (Criterion criterion : index.criteria().values()) {
      criterion.children().forEach(child -> assertTrue(index.criteria().containsKey(child)));
      criterion.leaves().forEach(leaf -> assertTrue(index.leaves().containsKey(leaf)));
      assertFalse(criterion.kind() == CriterionKind.AND && criterion.children().size() < 2);
    }
    index.roots().values().forEach(root -> assertTrue(index.criteria().containsKey(root)));
    index.leaves().keySet().forEach(leaf -> assertTrue(index.leafIds().get(leaf) > 0));
  }

  private static void add(ObjectMapper mapper, Map<String, PropertyDefinition> defs, JsonNode list, String type) {
    if (list == null) {
      return;
    }
    for (JsonNode property : list) {
      ObjectNode message = mapper.createObjectNode().put("workspaceId", "ws").put("type", type)
          .put("id", property.get("id").asText()).put("name", property.get("name").asText());
      message.set("definition", property.get("definition"));
      PropertyDefinition parsed = DefinitionParser.parse(message);
      defs.put(parsed.id(), parsed);
    }
  }
}
