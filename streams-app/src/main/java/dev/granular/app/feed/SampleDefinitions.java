package dev.granular.app.feed;

import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's definitions: a few segments and user properties over the sample events' traits and events. */
public final class SampleDefinitions {
  private SampleDefinitions() {}

  /** Topic key {@code <workspace>/<id>} to definition JSON. */
  public static Map<String, String> forWorkspace(String workspace) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, workspace, "pro-users", "Segment", "{\"entryNode\":{\"type\":\"Trait\",\"id\":\"1\",\"path\":\"plan\","
        + "\"operator\":{\"type\":\"Equals\",\"value\":\"pro\"}},\"nodes\":[]}");
    put(out, workspace, "shoe-buyers-1h", "Segment", "{\"entryNode\":{\"type\":\"Performed\",\"id\":\"1\",\"event\":\"Bought Shoes\","
        + "\"timesOperator\":\">=\",\"times\":1,\"withinSeconds\":3600},\"nodes\":[]}");
    put(out, workspace, "pro-and-carting", "Segment", "{\"entryNode\":{\"type\":\"And\",\"id\":\"1\",\"children\":[\"2\",\"3\"]},"
        + "\"nodes\":[{\"type\":\"Trait\",\"id\":\"2\",\"path\":\"plan\",\"operator\":{\"type\":\"Equals\",\"value\":\"pro\"}},"
        + "{\"type\":\"Performed\",\"id\":\"3\",\"event\":\"Added To Cart\",\"timesOperator\":\">=\",\"times\":2}]}");
    put(out, workspace, "country", "UserProperty", "{\"type\":\"Trait\",\"path\":\"country\"}");
    put(out, workspace, "last-sku", "UserProperty", "{\"type\":\"Performed\",\"event\":\"Bought Shoes\",\"path\":\"sku\"}");
    return out;
  }

  private static void put(Map<String, String> out, String workspace, String id, String type, String definition) {
    try {
      // Built with Jackson: a workspace id given on the command line may hold quotes or backslashes.
      var json = JSON.createObjectNode().put("workspaceId", workspace).put("id", id).put("name", id).put("type", type);
      json.set("definition", JSON.readTree(definition));
      out.put(workspace + "/" + id, json.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
