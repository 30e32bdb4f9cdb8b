package dev.granular.app.http;

/** What a request asks for, parsed and validated; the handler switches over it exhaustively. */
sealed interface Route {
  record Page() implements Route {}

  record Metrics() implements Route {}

  record Health() implements Route {}

  record Ready() implements Route {}

  /** Every workspace, from every instance. */
  record Status() implements Route {}

  /** Task queue, parked plans and dead letters, from every instance. */
  record Overview() implements Route {}

  /** A question about one workspace: answered by the instance that owns it, wherever it is asked. */
  sealed interface ForWorkspace extends Route {
    String workspace();
  }

  record Workspace(String workspace) implements ForWorkspace {}

  /** @param after the last user id of the previous page, or null for the first page */
  record Members(String workspace, String segment, String after, int limit) implements ForWorkspace {}

  record SegmentSize(String workspace, String segment) implements ForWorkspace {}

  record User(String workspace, String userId) implements ForWorkspace {}

  record Tick(String workspace, boolean retryParked) implements ForWorkspace {}
}
