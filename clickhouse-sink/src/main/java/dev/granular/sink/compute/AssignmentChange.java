package dev.granular.sink.compute;

/**
 * One assignment that changed in a compute: a user entered or left a segment, or a user property's value
 * changed. Segment values are "true"/"false" (never assigned = "false"); user-property values are canonical
 * JSON, or null for no value.
 */
public record AssignmentChange(String workspaceId, String propertyId, boolean segment, String userId,
    String before, String after, long asOfMs) {

  public boolean entered() {
    return segment && "true".equals(after);
  }

  public boolean left() {
    return segment && "false".equals(after);
  }
}
