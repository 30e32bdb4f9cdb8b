package dev.granular.sink.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.definitions.DefinitionException.Reason;

/**
 * Reads property definitions: the definitions-topic value
 * {@code {"workspaceId","id","name","type":"Segment"|"UserProperty","definition":{...}}}, or a bare Dittofeed
 * SegmentDefinition / UserPropertyDefinition. Throws {@link DefinitionException} for anything unusable.
 */
public final class DefinitionParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DefinitionParser() {
  }

  public static PropertyDefinition parse(String topicValue) {
    try {
      return parse(MAPPER.readTree(topicValue));
    } catch (JsonProcessingException e) {
      throw new DefinitionException(Reason.MALFORMED, "definition message is not JSON: " + e.getOriginalMessage());
    }
  }

  public static PropertyDefinition parse(JsonNode message) {
    JsonFields f = new JsonFields(message, "definition message");
    String workspaceId = f.text("workspaceId");
    String id = f.text("id");
    String name = f.optionalText("name").orElse(id);
    String type = f.text("type");
    JsonNode json = f.required("definition", Reason.MALFORMED);
    String where = "(workspace " + workspaceId + ", property " + id + ")";
    try {
      return switch (type) {
        case "Segment" -> new PropertyDefinition(workspaceId, id, name, PropertyKind.SEGMENT, json, parseSegment(json));
        case "UserProperty" ->
            new PropertyDefinition(workspaceId, id, name, PropertyKind.USER_PROPERTY, json, parseUserProperty(json));
        default -> throw f.error(Reason.MALFORMED, "type", "must be Segment or UserProperty, was '" + type + "'");
      };
    } catch (DefinitionException e) {
      throw e.in(where);
    }
  }

  public static SegmentDefinition parseSegment(JsonNode definition) {
    return SegmentParser.parse(definition);
  }

  public static UserPropertyDefinition parseUserProperty(JsonNode definition) {
    return UserPropertyParser.parse(definition);
  }
}
