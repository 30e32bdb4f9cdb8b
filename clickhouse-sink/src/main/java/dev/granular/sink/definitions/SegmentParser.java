package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.DefinitionException.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses a Dittofeed SegmentDefinition ({"entryNode": {...}, "nodes": [...]}). */
final class SegmentParser {

  /** Dittofeed node types that depend on internal events or resources Granular does not have. */
  private static final Set<String> UNSUPPORTED = Set.of("Broadcast", "Email", "Manual", "SubscriptionGroup",
      "SubscriptionGroupUnsubscribed", "KeyedPerformed");

  private SegmentParser() {
  }

  static SegmentDefinition parse(JsonNode json) {
    JsonFields definition = new JsonFields(json, "segment definition");
    Map<String, SegmentNode> nodes = new LinkedHashMap<>();
    for (JsonNode nodeJson : definition.nodes("nodes", false)) {
      SegmentNode node = node(nodeJson, true);
      if (nodes.putIfAbsent(node.id(), node) != null) {
        throw new DefinitionException(Reason.DUPLICATE_NODE_ID, "segment nodes share the id '" + node.id() + "'");
      }
    }
    SegmentNode entry = node(definition.required("entryNode", Reason.MALFORMED), false);
    Map<String, List<String>> children = new LinkedHashMap<>();
    nodes.forEach((id, node) -> children.put(id, SegmentNode.childrenOf(node)));
    NodeGraph.check("segment", entry.id(), SegmentNode.childrenOf(entry), children);
    definition.tooMany("nodes", nodes.size());
    return new SegmentDefinition(entry, nodes);
  }

  private static SegmentNode node(JsonNode json, boolean inNodes) {
    String where = "segment " + (inNodes ? "node" : "entryNode") + describe(json);
    JsonFields f = new JsonFields(json, where);
    String id = inNodes ? f.text("id") : f.optionalText("id").orElse("entryNode");
    String type = f.text("type");
    return switch (type) {
      case "Trait" -> new SegmentNode.Trait(id, PropertyPath.parse(f.text("path")),
          OperatorParser.parse(f.required("operator", Reason.MALFORMED), where + " operator"));
      case "Performed" -> performed(id, f);
      case "LastPerformed" -> new SegmentNode.LastPerformed(id, EventPattern.parse(f.text("event")),
          OperatorParser.conditions(f, "whereProperties", OperatorParser.VALUE_TESTS),
          OperatorParser.conditions(f, "hasProperties", OperatorParser.VALUE_TESTS));
      case "And" -> new SegmentNode.And(id, f.textArray("children"));
      case "Or" -> new SegmentNode.Or(id, f.textArray("children"));
      case "Everyone" -> new SegmentNode.Everyone(id);
      case "RandomBucket" -> new SegmentNode.RandomBucket(id, f.number("percent", 0, 1));
      case "Includes" -> new SegmentNode.Includes(id, PropertyPath.parse(f.text("path")), f.text("item"));
      default -> throw f.error(UNSUPPORTED.contains(type) ? Reason.UNSUPPORTED_NODE_TYPE : Reason.UNKNOWN_NODE_TYPE,
          "type", "'" + type + "' is not a segment node type Granular computes");
    };
  }

  private static SegmentNode performed(String id, JsonFields f) {
    double times = f.optional("times").isPresent() ? f.number("times", 0, Integer.MAX_VALUE) : 1;
    if (times != Math.rint(times)) {
      throw f.error(Reason.BAD_OPERATOR_VALUE, "times", "must be a whole number, was " + times);
    }
    String symbol = f.optionalText("timesOperator").orElse("=");
    TimesOperator timesOperator = TimesOperator.fromSymbol(symbol);
    if (timesOperator == null) {
      throw f.error(Reason.BAD_OPERATOR_VALUE, "timesOperator", "must be =, >= or <, was '" + symbol + "'");
    }
    String timeOperator = f.optionalText("timeOperator").orElse("Within");
    if (!timeOperator.equals("Within")) {
      // Dittofeed leaves AfterAbsolute/BeforeAbsolute unimplemented (silently ignored); refuse rather than guess.
      throw f.error(Reason.UNSUPPORTED_OPERATOR, "timeOperator", "'" + timeOperator + "' is not supported");
    }
    long withinMs = f.optional("withinSeconds").isPresent()
        ? Math.round(f.number("withinSeconds", 0, 100L * 366 * 24 * 3600) * 1000) : 0;
    return new SegmentNode.Performed(id, EventPattern.parse(f.text("event")), (long) times, timesOperator, withinMs,
        OperatorParser.conditions(f, "properties", OperatorParser.VALUE_TESTS));
  }

  private static String describe(JsonNode json) {
    JsonNode id = json == null ? null : json.get("id");
    JsonNode type = json == null ? null : json.get("type");
    return (id != null && id.isTextual() ? " '" + id.textValue() + "'" : "")
        + (type != null && type.isTextual() ? " (" + type.textValue() + ")" : "");
  }
}
