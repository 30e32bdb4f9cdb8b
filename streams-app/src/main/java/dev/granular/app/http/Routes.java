package dev.granular.app.http;

import java.util.List;
import java.util.Set;

/** Maps method, raw path and raw query to a {@link Route}, refusing anything malformed before it is acted on. */
record Routes(Ids ids) {
  static final int MAX_PAGE = 10_000;
  static final int DEFAULT_PAGE = 1_000;

  Route parse(String method, String rawPath, String rawQuery) {
    List<String> p = PathSegments.of(rawPath);
    int n = p.size();
    if (n == 0 || (n == 1 && p.get(0).isEmpty())) {
      return get(method, rawQuery, new Route.Page());
    }
    if (n == 1) {
      switch (p.get(0)) {
        case "metrics": return get(method, rawQuery, new Route.Metrics());
        case "healthz": return get(method, rawQuery, new Route.Health());
        case "readyz": return get(method, rawQuery, new Route.Ready());
        default: throw notFound(rawPath);
      }
    }
    if (!p.get(0).equals("api")) {
      throw notFound(rawPath);
    }
    if (n == 2 && p.get(1).equals("status")) {
      return get(method, rawQuery, new Route.Status());
    }
    if (n == 2 && p.get(1).equals("overview")) {
      return get(method, rawQuery, new Route.Overview());
    }
    if (n < 3 || !p.get(1).equals("workspaces")) {
      throw notFound(rawPath);
    }
    String ws = ids.check("workspace id", p.get(2));
    if (n == 3) {
      return get(method, rawQuery, new Route.Workspace(ws));
    }
    if (n == 4 && p.get(3).equals("tick")) {
      requireMethod(method, "POST");
      return new Route.Tick(ws, new QueryParams(rawQuery, Set.of("retryParked")).flag("retryParked"));
    }
    if (n == 5 && p.get(3).equals("users")) {
      return get(method, rawQuery, new Route.User(ws, ids.check("user id", p.get(4))));
    }
    if (p.get(3).equals("segments") && (n == 5 || (n == 6 && p.get(5).equals("size")))) {
      String segment = ids.check("segment id", p.get(4));
      if (n == 6) {
        return get(method, rawQuery, new Route.SegmentSize(ws, segment));
      }
      requireMethod(method, "GET");
      QueryParams q = new QueryParams(rawQuery, Set.of("limit", "after"));
      String after = q.get("after");
      return new Route.Members(ws, segment, after == null ? null : ids.check("after", after), q.positiveInt("limit", MAX_PAGE, DEFAULT_PAGE));
    }
    throw notFound(rawPath);
  }

  private static Route get(String method, String rawQuery, Route route) {
    requireMethod(method, "GET");
    new QueryParams(rawQuery, Set.of()); // no parameters here: a stray one is a mistake worth reporting
    return route;
  }

  private static void requireMethod(String method, String allowed) {
    if (!allowed.equals(method)) {
      throw ApiError.methodNotAllowed(method, allowed);
    }
  }

  private static ApiError notFound(String rawPath) {
    return ApiError.notFound("no such endpoint: " + rawPath);
  }
}
