package dev.granular.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and validation of requests, before anything is asked of Kafka or ClickHouse. */
class RoutesTest {
  private final Routes routes = new Routes(new Ids(256));

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void mapsEveryEndpoint() {
    assertEquals(new Route.Page(), routes.parse("GET", "/", null));
    assertEquals(new Route.Metrics(), routes.parse("GET", "/metrics", null));
    assertEquals(new Route.Health(), routes.parse("GET", "/healthz", null));
    assertEquals(new Route.Ready(), routes.parse("GET", "/readyz", null));
    assertEquals(new Route.Status(), routes.parse("GET", "/api/status", null));
    assertEquals(new Route.Overview(), routes.parse("GET", "/api/overview", null));
    assertEquals(new Route.Workspace("acme"), routes.parse("GET", "/api/workspaces/acme", null));
    assertEquals(new Route.Members("acme", "pro", null, Routes.DEFAULT_PAGE), routes.parse("GET", "/api/workspaces/acme/segments/pro", null));
    assertEquals(new Route.Members("acme", "pro", "u 1+", 5), routes.parse("GET", "/api/workspaces/acme/segments/pro", "limit=5&after=u+1%2B"));
    assertEquals(new Route.SegmentSize("acme", "pro"), routes.parse("GET", "/api/workspaces/acme/segments/pro/size", null));
    assertEquals(new Route.User("acme", "u-1"), routes.parse("GET", "/api/workspaces/acme/users/u-1", null));
    assertEquals(new Route.Tick("acme", false), routes.parse("POST", "/api/workspaces/acme/tick", null));
    assertEquals(new Route.Tick("acme", true), routes.parse("POST", "/api/workspaces/acme/tick", "retryParked=true"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"' OR 1=1 --", "\\'", "a\"b", "ünï😀", "x;DROP TABLE assignments", "%", "+plus", "a b"})
  void hostileButLegalIdsArriveVerbatim(String id) {
    assertEquals(new Route.User(id, id), routes.parse("GET", "/api/workspaces/" + enc(id) + "/users/" + enc(id), null));
    assertEquals(new Route.Members(id, id, id, 3), routes.parse("GET", "/api/workspaces/" + enc(id) + "/segments/" + enc(id),
        "after=" + enc(id) + "&limit=3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/workspaces/a%2Fb/users/u", "/api/workspaces/../status", "/api/workspaces/./users/u",
      "/api/workspaces/%2E%2E/users/u", "/api/workspaces/acme/users/u%00", "/api/workspaces/acme/users/%0Au",
      "/api/workspaces/acme/users/%", "/api/workspaces/acme/users/%zz", "/api/workspaces/acme/users/%C3%28",
      "/api/workspaces//users/u", "/api/workspaces/acme/users/"})
  void pathTricksAreBadRequests(String path) {
    assertEquals(400, assertThrows(ApiError.class, () -> routes.parse("GET", path, null)).status(), path);
  }

  @Test
  void overLongIdsAreBadRequests() {
    assertEquals(400, status("GET", "/api/workspaces/" + "w".repeat(257), null));
    assertEquals(new Route.Workspace("w".repeat(256)), routes.parse("GET", "/api/workspaces/" + "w".repeat(256), null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=-1", "limit=10001", "limit=abc", "limit=1.5", "limit=", "limit=1&limit=2",
      "after=", "after=%00", "bogus=1", "limit=99999999999999999999"})
  void badPageParametersAreBadRequests(String query) {
    assertEquals(400, status("GET", "/api/workspaces/acme/segments/pro", query), query);
  }

  @Test
  void largestPageIsAccepted() {
    assertEquals(new Route.Members("acme", "pro", null, 10_000), routes.parse("GET", "/api/workspaces/acme/segments/pro", "limit=10000"));
  }

  @Test
  void wrongMethodsAre405AndUnknownPaths404() {
    assertEquals(405, status("POST", "/api/status", null));
    assertEquals(405, status("DELETE", "/api/workspaces/acme", null));
    assertEquals(405, status("GET", "/api/workspaces/acme/tick", null));
    assertEquals(405, status("PUT", "/metrics", null));
    assertEquals(404, status("GET", "/api/nope", null));
    assertEquals(404, status("GET", "/api/workspaces/acme/segments/pro/members", null));
    assertEquals(404, status("GET", "/etc/passwd", null));
    assertEquals(400, status("POST", "/api/workspaces/acme/tick", "retryParked=maybe"));
  }

  private int status(String method, String path, String query) {
    return assertThrows(ApiError.class, () -> routes.parse(method, path, query)).status();
  }
}
