package dev.granular.bench.load;

/**
 * One record for the definitions topic.
 *
 * @param kind "Segment" or "UserProperty", as in the value's {@code type}
 * @param json the value: {@code {"workspaceId","id","name","type","definition":{...}}}
 */
public record GeneratedDefinition(String workspaceId, String propertyId, String kind, String json) {

  /** The topic key the app requires: {@code <workspaceId>/<propertyId>}. */
  public String key() {
    return workspaceId + "/" + propertyId;
  }
}
