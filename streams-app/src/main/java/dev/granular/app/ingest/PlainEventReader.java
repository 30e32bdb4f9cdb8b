package dev.granular.app.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.avro.EventType;
import dev.granular.avro.UserEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;

/**
 * The fast path of {@link EventParser}: reads an event of the plain shape in one pass over its bytes, with no tree,
 * and copies {@code properties} and {@code traits} token by token into their compact text. Plain means every known
 * field is a string or null (the two objects an object or null), no name repeats at any depth, the type is known,
 * the timestamp parses and nothing follows the object. Anything else returns null, and the parser's tree path
 * decides, so the outcome, the reason and the stored text are the tree path's for every input
 * ({@code PlainEventReaderTest} compares the two). Why: building the tree and writing the objects back out took about
 * 40% of the ingest threads' time (P2's profile).
 */
final class PlainEventReader {
  private static final Set<String> STRING_FIELDS =
      Set.of("type", "workspaceId", "messageId", "userId", "anonymousId", "event", "timestamp");
  private final ObjectMapper json;

  /** @param json the tree path's mapper: the same stream limits and number handling */
  PlainEventReader(ObjectMapper json) {
    this.json = json;
  }

  /** The event, still to be validated; null when the value is not of the plain shape or not valid JSON. */
  UserEvent read(byte[] value, long fallbackTimeMs) {
    try (JsonParser p = json.getFactory().createParser(value)) {
      p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()); // the tree keeps the last of a repeated name
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String type = null, workspaceId = null, messageId = null, userId = null, anonymousId = null, event = null;
      String properties = null, traits = null, timestamp = null;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        boolean object = name.equals("properties") || name.equals("traits");
        if (!object && !STRING_FIELDS.contains(name)) {
          p.skipChildren();
          continue;
        }
        if (v == JsonToken.VALUE_NULL) {
          continue;
        }
        if (object ? v != JsonToken.START_OBJECT : v != JsonToken.VALUE_STRING) {
          return null; // the tree path names the field and its type
        }
        String text = object ? compact(p) : p.getText();
        switch (name) {
          case "type" -> type = text;
          case "workspaceId" -> workspaceId = text;
          case "messageId" -> messageId = text;
          case "userId" -> userId = text;
          case "anonymousId" -> anonymousId = text;
          case "event" -> event = text;
          case "timestamp" -> timestamp = text;
          case "properties" -> properties = text;
          default -> traits = text;
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
      EventType eventType = type == null ? null : EventParser.eventType(type);
      Long timestampMs = timestamp == null ? Long.valueOf(fallbackTimeMs) : EventParser.isoMillis(timestamp);
      if (eventType == null || timestampMs == null) {
        return null;
      }
      return new UserEvent(workspaceId, messageId, eventType, userId, anonymousId, event, properties, traits, timestampMs);
    } catch (IOException | RuntimeException e) {
      return null; // invalid JSON, a repeated name or a stream limit: the tree path says which
    }
  }

  /** The object at the parser, written compactly as the tree path writes it. */
  private String compact(JsonParser p) throws IOException {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }
}
