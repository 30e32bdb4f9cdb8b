package dev.granular.sink.definitions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.definitions.DefinitionException.Reason;
import dev.granular.sink.text.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads property definitions: the definitions-topic value
 * {@code {"workspaceId","id","name","type":"Segment"|"UserProperty","definition":{...}}}, or a bare Dittofeed
 * SegmentDefinition / UserPropertyDefinition. Throws {@link DefinitionException} for anything unusable.
 *
 * <p>The limits keep hostile definitions from costing the stream thread its stack or heap: real definitions are a
 * few kilobytes, a few levels deep and a few dozen nodes.
 */
public final class DefinitionParser {
  /** What the definitions repartition topic and the workspace-definitions changelog carry comfortably (1 MB each). */
  public static final int MAX_BYTES = 256 * 1024;
  /** Larger messages are not parsed at all: the tree of a few MB of tiny nodes is tens of MB of heap. */
  public static final int MAX_PARSE_BYTES = 4 * 1024 * 1024;
  /** The same bound as events' INGEST_MAX_FIELD_LENGTH default: a longer workspace id could never match an event. */
  public static final int MAX_ID_LENGTH = 1024;
  /** Elements of any one array: nodes, children, conditions. */
  public static final int MAX_NODES = 1000;
  /** Levels of child nodes below the entry node, and of JSON nesting; the compile step recurses over both. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private DefinitionParser() {
  }

  /** The raw topic value: checked as bytes first, since decoding would hide invalid UTF-8 behind U+FFFD. */
  public static PropertyDefinition parse(byte[] topicValue) {
    if (topicValue.length > MAX_PARSE_BYTES) {
      throw new DefinitionException(Reason.TOO_LARGE, topicValue.length + " bytes, not read (limit " + MAX_BYTES + ")");
    }
    int nul = Utf8.indexOfNul(topicValue);
    if (nul >= 0) {
      throw new DefinitionException(Reason.NUL_BYTE, "raw NUL byte at offset " + nul + " (in a string, escape it as \\u0000)");
    }
    int invalid = Utf8.firstInvalid(topicValue);
    if (invalid >= 0) {
      throw new DefinitionException(Reason.INVALID_UTF8, "not UTF-8 at byte offset " + invalid);
    }
    PropertyDefinition definition = parse(new String(topicValue, StandardCharsets.UTF_8));
    // Last, so that a definition both large and broken names its real problem (too deep, too many nodes, ...).
    if (topicValue.length > MAX_BYTES) {
      throw new DefinitionException(Reason.TOO_LARGE, topicValue.length + " bytes > limit " + MAX_BYTES);
    }
    return definition;
  }

  public static PropertyDefinition parse(String topicValue) {
    try {
      return parse(MAPPER.readTree(topicValue));
    } catch (StreamConstraintsException e) {
      boolean deep = String.valueOf(e.getOriginalMessage()).contains("nesting depth");
      throw new DefinitionException(deep ? Reason.TOO_DEEP : Reason.MALFORMED, "definition message: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new DefinitionException(Reason.MALFORMED, "definition message is not JSON: " + e.getOriginalMessage());
    }
  }

  public static PropertyDefinition parse(JsonNode message) {
    JsonFields f = new JsonFields(message, "definition message");
    String workspaceId = f.text("workspaceId");
    String id = f.text("id");
    for (String[] field : new String[][] {{"workspaceId", workspaceId}, {"id", id}}) {
      if (field[1].length() > MAX_ID_LENGTH) {
        throw new DefinitionException(Reason.ID_TOO_LONG, field[0] + " is " + field[1].length() + " chars > limit " + MAX_ID_LENGTH);
      }
    }
    String lone = loneSurrogate(message);
    if (lone != null) {
      throw new DefinitionException(Reason.LONE_SURROGATE, lone);
    }
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

  /** Where a string or field name holds an unpaired surrogate, or null; iterative, as the tree may be deep. */
  private static String loneSurrogate(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual() && Utf8.loneSurrogate(node.textValue()) >= 0) {
        return "a string value holds an unpaired surrogate (\\ud800-\\udfff escape without its pair)";
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (Utf8.loneSurrogate(field.getKey()) >= 0) {
          return "a field name holds an unpaired surrogate";
        }
        pending.push(field.getValue());
      }
      if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
    return null;
  }
}
