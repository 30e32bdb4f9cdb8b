package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compile.WorkspaceIndex;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.definitions.PropertyKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefinitionGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LoadConfig CONFIG = LoadConfig.builder().smallWorkspaces(4).whaleFactor(10).segmentsPerWorkspace(30)
      .userPropertiesPerWorkspace(8).build();
  private static final List<GeneratedDefinition> ALL = new LoadGenerator(CONFIG).definitions();

  private static Map<String, List<PropertyDefinition>> parsedByWorkspace() {
    Map<String, List<PropertyDefinition>> byWorkspace = new LinkedHashMap<>();
    for (GeneratedDefinition d : ALL) {
      PropertyDefinition parsed = DefinitionParser.parse(d.json());
      assertEquals(d.key(), parsed.workspaceId() + "/" + parsed.id(), "key matches value");
      assertEquals(d.kind().equals("Segment") ? PropertyKind.SEGMENT : PropertyKind.USER_PROPERTY, parsed.kind());
      byWorkspace.computeIfAbsent(parsed.workspaceId(), w -> new ArrayList<>()).add(parsed);
    }
    return byWorkspace;
  }

  @Test
  void everyWorkspaceGetsItsDefinitionsAndTheyAllParse() {
    Map<String, List<PropertyDefinition>> byWorkspace = parsedByWorkspace();
    assertEquals(new LoadGenerator(CONFIG).workspaceIds(), List.copyOf(byWorkspace.keySet()));
    for (List<PropertyDefinition> definitions : byWorkspace.values()) {
      assertEquals(38, definitions.size());
      assertEquals(30, definitions.stream().filter(d -> d.kind() == PropertyKind.SEGMENT).count());
      assertEquals(38, definitions.stream().map(PropertyDefinition::id).distinct().count(), "ids are unique");
    }
  }

  @Test
  void aWorkspacesDefinitionsCompileTogetherAndShareLeaves() {
    parsedByWorkspace().forEach((workspace, definitions) -> {
      WorkspaceIndex together = ProfileCompiler.compile(workspace, definitions);
      assertEquals(definitions.size(), together.counts().properties());
      int separately = definitions.stream().mapToInt(d -> ProfileCompiler.compile(workspace, List.of(d)).counts().leaves()).sum();
      assertTrue(together.counts().leaves() * 2 < separately,
          workspace + ": " + together.counts().leaves() + " unique leaves vs " + separately + " summed over definitions");
      // Leaves on one trait path are shared anyway; shared predicates also show as shared criteria.
      int criteriaSeparately = definitions.stream()
          .mapToInt(d -> ProfileCompiler.compile(workspace, List.of(d)).counts().criteria()).sum();
      assertTrue(together.counts().criteria() * 3 < criteriaSeparately * 2,
          workspace + ": " + together.counts().criteria() + " unique criteria vs " + criteriaSeparately + " summed");
    });
  }

  @Test
  void everySupportedNodeTypeAndOperatorOccurs() throws Exception {
    Set<String> seen = new HashSet<>();
    for (GeneratedDefinition d : ALL) {
      collect(JSON.readTree(d.json()).get("definition"), d.kind(), seen);
    }
    assertTrue(seen.containsAll(Set.of("Segment:Trait:Equals", "Segment:Trait:NotEquals", "Segment:Trait:Exists",
        "Segment:Trait:GreaterThanOrEqual", "Segment:Trait:LessThan", "Segment:Trait:Within", "Segment:Performed:>=",
        "Segment:Performed:<", "Segment:Performed:=", "Segment:Performed:withinSeconds", "Segment:Performed:properties",
        "Segment:LastPerformed", "Segment:And", "Segment:Or", "Segment:Everyone", "Segment:RandomBucket",
        "UserProperty:Trait", "UserProperty:Performed", "UserProperty:Group", "UserProperty:AnyOf", "UserProperty:Id",
        "UserProperty:Performed:properties")), "seen " + seen);
  }

  /** Adds kind:type, kind:Trait:operator, kind:Performed:timesOperator and the optional fields present. */
  private static void collect(JsonNode node, String kind, Set<String> seen) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, kind, seen));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String type = node.path("type").asText();
    seen.add(kind + ":" + type);
    if (type.equals("Trait") && node.has("operator")) {
      seen.add(kind + ":Trait:" + node.get("operator").get("type").asText());
    }
    if (type.equals("Performed")) {
      seen.add(kind + ":Performed:" + node.path("timesOperator").asText());
      node.properties().forEach(field -> seen.add(kind + ":Performed:" + field.getKey()));
    }
    node.properties().forEach(field -> {
      if (!field.getKey().equals("operator")) { // operators are recorded with their Trait, not as nodes
        collect(field.getValue(), kind, seen);
      }
    });
  }

  @Test
  void segmentsDrawLeavesFromAPoolSoTheSamePredicateRecurs() throws Exception {
    Map<String, Integer> leafUses = new LinkedHashMap<>();
    for (GeneratedDefinition d : ALL) {
      if (d.workspaceId().equals("ws-001") && d.kind().equals("Segment")) {
        JsonNode definition = JSON.readTree(d.json()).get("definition");
        List<JsonNode> nodes = new ArrayList<>();
        nodes.add(definition.get("entryNode"));
        definition.get("nodes").forEach(nodes::add);
        for (JsonNode node : nodes) {
          String type = node.get("type").asText();
          if (type.matches("Trait|Performed|LastPerformed")) {
            ObjectNode withoutId = node.deepCopy();
            withoutId.remove("id");
            leafUses.merge(withoutId.toString(), 1, Integer::sum);
          }
        }
      }
    }
    assertTrue(leafUses.size() <= CONFIG.sharedPredicates(), "leaves come from the pool: " + leafUses.size());
    assertTrue(leafUses.values().stream().anyMatch(uses -> uses >= 3), "some leaf is shared by several segments");
  }

  @Test
  void workspacesGetDifferentDefinitionsFromTheSameShapes() {
    String first = ALL.stream().filter(d -> d.workspaceId().equals("ws-001")).map(GeneratedDefinition::json)
        .map(json -> json.replace("ws-001", "W")).reduce("", String::concat);
    String second = ALL.stream().filter(d -> d.workspaceId().equals("ws-002")).map(GeneratedDefinition::json)
        .map(json -> json.replace("ws-002", "W")).reduce("", String::concat);
    assertNotEquals(first, second);
  }
}
