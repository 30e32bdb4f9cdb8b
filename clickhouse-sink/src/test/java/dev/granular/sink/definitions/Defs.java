package dev.granular.sink.definitions;

/** Test shorthand: definitions from JSON text with single quotes for readability. */
public final class Defs {

  public static final String WS = "ws-1";

  private Defs() {
  }

  public static PropertyDefinition segment(String id, String definitionJson) {
    return message(id, id, "Segment", definitionJson);
  }

  public static PropertyDefinition segment(String id, String name, String definitionJson) {
    return message(id, name, "Segment", definitionJson);
  }

  public static PropertyDefinition userProperty(String id, String definitionJson) {
    return message(id, id, "UserProperty", definitionJson);
  }

  /** A segment whose entry node is {@code nodeJson}, with no other nodes. */
  public static PropertyDefinition entry(String id, String nodeJson) {
    return segment(id, "{'entryNode':" + nodeJson + ",'nodes':[]}");
  }

  private static PropertyDefinition message(String id, String name, String type, String definitionJson) {
    return DefinitionParser.parse(json("{'workspaceId':'" + WS + "','id':'" + id + "','name':'" + name
        + "','type':'" + type + "','definition':" + definitionJson + "}"));
  }

  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
