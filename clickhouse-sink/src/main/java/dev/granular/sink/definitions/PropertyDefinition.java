package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One computed property of a workspace, as read from the definitions topic.
 *
 * @param name       Dittofeed's display name; it also salts RandomBucket, so it is part of the semantics
 * @param json       the definition JSON as received (kept for re-publishing and debugging)
 * @param definition the parsed form; a {@link SegmentDefinition} iff kind is SEGMENT
 */
public record PropertyDefinition(
    String workspaceId, String id, String name, PropertyKind kind, JsonNode json, Definition definition) {

  public PropertyDefinition {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(definition, "definition");
    if ((kind == PropertyKind.SEGMENT) != (definition instanceof SegmentDefinition)) {
      throw new IllegalArgumentException("kind " + kind + " does not match " + definition.getClass().getSimpleName());
    }
  }

  public SegmentDefinition segment() {
    return (SegmentDefinition) definition;
  }

  public UserPropertyDefinition userProperty() {
    return (UserPropertyDefinition) definition;
  }
}
