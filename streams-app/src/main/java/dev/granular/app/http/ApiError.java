package dev.granular.app.http;

import java.util.Map;

/**
 * A request refused with a status and a reason; thrown before anything is changed, turned into the JSON
 * error body by {@link ApiHandler}.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Seconds a client should wait before retrying a 503. */
  static final int RETRY_AFTER_SECONDS = 2;

  private final int status;
  private final transient Map<String, String> headers;
  private final transient Map<String, String> extra;

  private ApiError(int status, String message, Map<String, String> headers, Map<String, String> extra) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.extra = extra;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message, Map.of(), Map.of());
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message, Map.of(), Map.of());
  }

  static ApiError methodNotAllowed(String method, String allowed) {
    return new ApiError(405, "method " + method + " not allowed here; use " + allowed, Map.of("Allow", allowed), Map.of());
  }

  /** 503 with Retry-After: the answer exists, just not right now (rebalancing, owner unreachable). */
  static ApiError unavailable(String message) {
    return unavailable(message, Map.of());
  }

  /** As {@link #unavailable(String)}, with more fields in the body (e.g. the streams state). */
  static ApiError unavailable(String message, Map<String, String> detail) {
    Map<String, String> extra = new java.util.TreeMap<>(detail);
    extra.put("retry", "retry in " + RETRY_AFTER_SECONDS + " s; any instance answers for any workspace");
    return new ApiError(503, message, Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)), Map.copyOf(extra));
  }

  /** A bug or an outside failure (e.g. ClickHouse down): logged, answered with 500, the server goes on. */
  static ApiError internal(RuntimeException cause) {
    // The cause's message may carry SQL or hosts: it goes to the log, the client gets its kind only.
    return new ApiError(500, "internal error (" + cause.getClass().getSimpleName() + "); details are in the instance's log",
        Map.of(), Map.of());
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  Map<String, String> extra() {
    return extra;
  }
}
