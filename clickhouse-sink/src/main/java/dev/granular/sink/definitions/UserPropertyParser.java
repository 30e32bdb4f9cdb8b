package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.DefinitionException.Reason;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses a Dittofeed UserPropertyDefinition (a single node object; Group wraps an AnyOf tree). */
final class UserPropertyParser {

  private static final Set<String> UNSUPPORTED = Set.of("File", "KeyedPerformed");
  private static final Set<String> TOP_LEVEL_ONLY = Set.of("Id", "AnonymousId", "Group", "PerformedMany");

  private UserPropertyParser() {
  }

  static UserPropertyDefinition parse(JsonNode json) {
    JsonFields f = new JsonFields(json, "user property definition");
    String type = f.text("type");
    return switch (type) {
      case "Id" -> new UserPropertyDefinition(new UserPropertyNode.Id(), Map.of());
      case "AnonymousId" -> new UserPropertyDefinition(new UserPropertyNode.AnonymousId(), Map.of());
      case "PerformedMany" -> new UserPropertyDefinition(performedMany(f), Map.of());
      case "Group" -> group(f);
      case "AnyOf" -> throw f.error(Reason.MALFORMED, "type", "AnyOf is only valid inside a Group's nodes");
      default -> new UserPropertyDefinition(leaf(f, type, f.optionalText("id").orElse("root")), Map.of());
    };
  }

  private static UserPropertyDefinition group(JsonFields f) {
    String entry = f.text("entry");
    Map<String, UserPropertyNode> nodes = new LinkedHashMap<>();
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (JsonNode nodeJson : f.nodes("nodes", true)) {
      JsonFields node = new JsonFields(nodeJson, "user property group node" + describe(nodeJson));
      String id = node.text("id");
      String type = node.text("type");
      UserPropertyNode parsed;
      if (type.equals("AnyOf")) {
        parsed = new UserPropertyNode.AnyOf(id, node.textArray("children"));
        children.put(id, ((UserPropertyNode.AnyOf) parsed).children());
      } else if (TOP_LEVEL_ONLY.contains(type)) {
        throw node.error(Reason.UNSUPPORTED_NODE_TYPE, "type", "'" + type + "' is not allowed inside a Group");
      } else {
        parsed = leaf(node, type, id);
        children.put(id, List.of());
      }
      if (nodes.putIfAbsent(id, parsed) != null) {
        throw new DefinitionException(Reason.DUPLICATE_NODE_ID, "user property group nodes share the id '" + id + "'");
      }
    }
    NodeGraph.check("user property", "entry", List.of(entry), children);
    f.tooMany("nodes", nodes.size());
    return new UserPropertyDefinition(nodes.get(entry), nodes);
  }

  private static UserPropertyNode leaf(JsonFields f, String type, String id) {
    return switch (type) {
      case "Trait" -> new UserPropertyNode.Trait(id, PropertyPath.parse(f.text("path")));
      case "Performed" -> new UserPropertyNode.Performed(id, EventPattern.parse(f.text("event")),
          PropertyPath.parse(f.text("path")), f.flag("skipReCompute"),
          OperatorParser.conditions(f, "properties", Set.of(Operator.Equals.class)));
      default -> throw f.error(UNSUPPORTED.contains(type) ? Reason.UNSUPPORTED_NODE_TYPE : Reason.UNKNOWN_NODE_TYPE,
          "type", "'" + type + "' is not a user property type Granular computes");
    };
  }

  private static UserPropertyNode performedMany(JsonFields f) {
    Set<String> events = new LinkedHashSet<>();
    List<JsonNode> items = f.array("or", true);
    for (int i = 0; i < items.size(); i++) {
      events.add(new JsonFields(items.get(i), f.where() + " or[" + i + "]").text("event"));
    }
    return new UserPropertyNode.PerformedMany(events);
  }

  private static String describe(JsonNode json) {
    JsonNode id = json == null ? null : json.get("id");
    return id != null && id.isTextual() ? " '" + id.textValue() + "'" : "";
  }
}
