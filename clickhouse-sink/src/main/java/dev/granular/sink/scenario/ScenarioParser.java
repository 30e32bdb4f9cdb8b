package dev.granular.sink.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.DefinitionException;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code evaluate} scenario format (issue 3). Everything is checked before anything runs, so a
 * bad scenario fails fast with the step and field named. Unknown fields are ignored.
 */
public final class ScenarioParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TOP = "scenario";

  private ScenarioParser() {
  }

  public static Scenario parse(String json) {
    try {
      return parse(MAPPER.readTree(json), null);
    } catch (JsonProcessingException e) {
      throw new ScenarioException("scenario is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
  }

  /** @param workspaceOverride runs the scenario under this workspace id instead of its own; null keeps it */
  public static Scenario parse(JsonNode root, String workspaceOverride) {
    Fields f = new Fields(root, TOP, "");
    String workspaceId = workspaceOverride != null ? workspaceOverride : f.text("workspaceId");
    long start = instant(f, "start");
    if (start < 0) {
      throw f.error("start", "must not be before 1970");
    }
    List<PropertyDefinition> definitions = new ArrayList<>();
    definitions(f, workspaceId, definitions);
    List<ScenarioStep> steps = new ArrayList<>();
    List<JsonNode> items = f.array("steps", true);
    for (int i = 0; i < items.size(); i++) {
      steps.add(step(items.get(i), i, workspaceId));
    }
    return new Scenario(workspaceId, start, definitions, steps);
  }

  private static ScenarioStep step(JsonNode json, int index, String workspaceId) {
    String where = "step " + index;
    Fields f = new Fields(json, where, "");
    String type = f.text("type");
    Fields step = new Fields(json, where + " (" + type + ")", "");
    return switch (type) {
      case "events" -> {
        List<ScenarioEvent> events = new ArrayList<>();
        List<JsonNode> items = step.array("events", true);
        for (int i = 0; i < items.size(); i++) {
          events.add(ScenarioEvents.parse(items.get(i), workspaceId, step.where(), "events[" + i + "]."));
        }
        yield new ScenarioStep.Events(index, events);
      }
      case "sleep" -> new ScenarioStep.Sleep(index, step.wholeNumber("ms", 0));
      case "compute" -> new ScenarioStep.Compute(index);
      case "updateDefinitions" -> {
        List<PropertyDefinition> definitions = new ArrayList<>();
        definitions(step, workspaceId, definitions);
        yield new ScenarioStep.UpdateDefinitions(index, definitions);
      }
      default -> throw f.error("type", "unknown step type '" + type + "' (expected events, sleep, compute or updateDefinitions)");
    };
  }

  private static void definitions(Fields owner, String workspaceId, List<PropertyDefinition> out) {
    Set<String> ids = new HashSet<>();
    for (String[] kind : new String[][] {{"segments", "Segment"}, {"userProperties", "UserProperty"}}) {
      List<JsonNode> items = owner.array(kind[0], false);
      for (int i = 0; i < items.size(); i++) {
        Fields item = new Fields(items.get(i), owner.where(), kind[0] + "[" + i + "].");
        PropertyDefinition parsed = definition(item, kind[1], workspaceId);
        if (!ids.add(parsed.id())) {
          throw item.error("id", "'" + parsed.id() + "' is defined twice in this list");
        }
        out.add(parsed);
      }
    }
  }

  private static PropertyDefinition definition(Fields f, String type, String workspaceId) {
    String id = f.text("id");
    ObjectNode message = MAPPER.createObjectNode();
    message.put("workspaceId", workspaceId).put("id", id).put("type", type);
    message.put("name", f.optionalText("name") != null ? f.optionalText("name") : id);
    JsonNode definition = f.optional("definition");
    if (definition == null) {
      throw f.error("definition", "is required");
    }
    message.set("definition", definition);
    try {
      return DefinitionParser.parse(message);
    } catch (DefinitionException e) {
      throw f.error("definition", e.getMessage());
    }
  }

  private static long instant(Fields f, String field) {
    String text = f.text(field);
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw f.error(field, "must be an ISO-8601 date-time with offset, was '" + text + "'");
    }
  }
}
