package dev.granular.sink.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.events.StoredEvent;

/** A stored event with its traits and properties parsed once, for every leaf it feeds. */
record ParsedEvent(StoredEvent stored, JsonNode traits, JsonNode properties) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static ParsedEvent of(StoredEvent event) {
    return new ParsedEvent(event, json(event.traitsJson()), json(event.propertiesJson()));
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return MAPPER.createObjectNode(); // validated at ingest; as the oracle does, never let one row stop a compute
    }
  }
}
