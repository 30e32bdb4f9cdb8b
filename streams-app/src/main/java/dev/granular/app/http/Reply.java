package dev.granular.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.status.WorkspaceStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A finished HTTP answer: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON_TYPE = "application/json; charset=utf-8";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonNode body) {
    return new Reply(status, JSON_TYPE, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Reply text(int status, String contentType, String body) {
    return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The one error shape: {"error": message, "status": N}, plus the headers the refusal asks for. */
  static Reply error(ApiError e) {
    ObjectNode body = object().put("error", e.getMessage()).put("status", e.status());
    e.extra().forEach(body::put);
    return new Reply(e.status(), JSON_TYPE, body.toString().getBytes(StandardCharsets.UTF_8), e.headers());
  }

  static ObjectNode object() {
    return WorkspaceStatus.JSON.createObjectNode();
  }

  Reply withHeader(String name, String value) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put(name, value);
    return new Reply(status, contentType, body, all);
  }
}
