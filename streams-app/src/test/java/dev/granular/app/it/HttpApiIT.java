package dev.granular.app.it;

import static dev.granular.app.it.HttpProbe.enc;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import dev.granular.app.GranularApp;
import dev.granular.app.cli.GranularCli;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.topology.TopicScan;
import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.status.WorkspaceStatus;
import dev.granular.avro.WorkspaceTick;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compute.AssignmentReader;
import dev.granular.sink.migrate.Migrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint of one instance on the real broker and ClickHouse, and every refusal. */
class HttpApiIT {
  private static final String W = "http-api";
  private static final List<String> HOSTILE = List.of("' OR 1=1 --", "\\'", "\\", "x' UNION SELECT user_id FROM assignments --",
      "ünïcødé 😀", "a\"b", "%00", "' AND sleep(3) --");

  @Test
  void everyEndpointAnswersFromTheRealStoresAndRefusesWhatItShould() throws Exception {
    Map<String, Object> settings = ItServices.isolatedSettings(Map.of("granular.planner.scheduler-interval", "0s"));
    AppConfig config = AppConfig.load(null, settings);
    ItServices.migrate(config);
    try (GranularApp app = new GranularApp(config); ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
      HttpProbe http = new HttpProbe(app.httpPort());
      assertTrue(app.httpPort() > 0);
      // Constructed, not started: live but not ready, and interactive queries say so.
      assertEquals(200, http.get("/healthz").status());
      HttpProbe.Answer notReady = http.get("/readyz");
      assertEquals(503, notReady.status());
      assertEquals("CREATED", notReady.json().get("state").asText());
      assertEquals("2", notReady.header("Retry-After"));
      assertError(http.get("/api/status"), 503);
      assertError(http.get("/api/workspaces/" + W), 503);

      app.start();
      await().atMost(Duration.ofMinutes(1)).until(() -> http.get("/readyz").status() == 200);
      assertError(http.get("/api/workspaces/" + W), 404); // nothing known yet
      assertError(http.post("/api/workspaces/" + W + "/tick"), 404); // and a tick for it changes nothing
      ComputeFixture.produceDefinitions(config, W);
      List<byte[]> events = ComputeFixture.events(W, 600, 80, 11, System.currentTimeMillis());
      ComputeFixture.produce(config, events);
      ComputeFixture.produce(config, List.of("{\"workspaceId\":\"http-api\",\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\"}"
          .getBytes(StandardCharsets.UTF_8))); // no messageId: a dead letter
      await().atMost(Duration.ofMinutes(2)).until(() -> {
        HttpProbe.Answer a = http.get("/api/workspaces/" + W);
        // Before the first plan the cursor is 0, so events since cursor are every durable event; and once the watermark
        // is at the latest of them (every input partition has reported past it), one tick plans them all.
        return a.status() == 200 && a.json().get("properties").asInt() == 8 && a.json().get("eventsSinceCursor").asLong() >= events.size()
            && a.json().get("watermarkMs").asLong() >= a.json().get("durableMaxMs").asLong();
      });

      HttpProbe.Answer tick = http.post("/api/workspaces/" + W + "/tick");
      assertEquals(202, tick.status(), tick.body());
      assertEquals("manual", tick.json().get("source").asText());
      assertTickOnTopic(config, tick.json(), "manual");
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
        JsonNode w = http.get("/api/workspaces/" + W).json();
        return !w.has("inFlight") && w.get("completed").size() > 0 && w.get("lagMs").asLong() == 0
            && w.get("computedVersion").asLong() == w.get("definitionsVersion").asLong();
      });

      // Status: the same fields as `granular status --json`, read from the changelog.
      JsonNode status = http.get("/api/status").json();
      assertEquals(1, status.get("workspaces").size());
      // The changelog shows the state once its transaction commits (exactly-once), up to a commit interval later.
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
          WorkspaceStatus.describe(PlannerSnapshot.read(config).states().get(W)).toString()
              .equals(status.get("workspaces").get(0).toString()));
      assertEquals(WorkspaceStatus.describe(PlannerSnapshot.read(config).states().get(W)).toString(), status.get("workspaces").get(0).toString());
      assertEquals("127.0.0.1:" + app.httpPort(), status.get("instances").get(0).asText());
      JsonNode one = http.get("/api/workspaces/" + W).json();
      assertEquals(8, one.get("explain").get("properties").asInt());
      assertTrue(one.get("explain").get("decision").asText().length() > 0);

      // The CLI reads the changelogs itself and builds the same JSON as the API (shared code, no running instance needed).
      Path conf = Files.createTempFile("granular-http-it-", ".conf");
      Files.writeString(conf, ConfigFactory.parseMap(settings).root().render(ConfigRenderOptions.concise()));
      assertEquals(status.get("workspaces").get(0).toString(), cli(conf, "status", "--json", "--workspace", W).trim());
      JsonNode explained = WorkspaceStatus.JSON.readTree(cli(conf, "explain", "--json", "--workspace", W));
      ((ObjectNode) explained).remove("now");
      ((ObjectNode) one.get("explain")).remove("now");
      assertEquals(one.get("explain"), explained);
      assertTrue(cli(conf, "changes", "--json", "--workspace", W).lines().allMatch(l -> l.startsWith("{\"workspace\":\"" + W + "\"")));

      AssignmentReader reader = new AssignmentReader(clickHouse, new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)));
      List<String> pro = reader.members(W, "pro", 1_000_000);
      assertTrue(pro.size() > 10, "pro members: " + pro.size());
      assertEquals(pro, pages(http, "pro", 7, null));
      assertEquals(reader.segmentSizeEstimate(W, "pro"), http.get("/api/workspaces/" + W + "/segments/pro/size").json().get("sizeEstimate").asLong());
      String member = pro.get(0);
      JsonNode user = http.get("/api/workspaces/" + W + "/users/" + enc(member)).json();
      AssignmentReader.UserAssignments expected = reader.user(W, member);
      assertTrue(user.get("segments").toString().contains("\"pro\""), user.toString());
      assertEquals(expected.segments().size(), user.get("segments").size());
      assertEquals(expected.properties().size(), user.get("userProperties").size());

      String assignmentsBefore = count(clickHouse);
      for (String h : HOSTILE) {
        // Legal ids that name nothing: 404, never a row that an injected predicate would have matched.
        assertError(http.get("/api/workspaces/" + enc(h)), 404);
        assertError(http.get("/api/workspaces/" + W + "/segments/" + enc(h)), 404);
        assertError(http.get("/api/workspaces/" + W + "/segments/" + enc(h) + "/size"), 404);
        assertError(http.get("/api/workspaces/" + W + "/users/" + enc(h)), 404);
        // As a page cursor it is a plain string compared with user ids.
        assertEquals(after(pro, h), pages(http, "pro", 10_000, h), h);
      }
      assertEquals(assignmentsBefore, count(clickHouse), "no request changed ClickHouse");
      assertError(http.get("/api/workspaces/" + W + "/segments/country"), 404); // a user property, not a segment
      assertError(http.get("/api/workspaces/" + W + "/users/nobody-at-all"), 404);
      assertError(http.get("/api/workspaces/" + W + "/segments/pro?limit=0"), 400);
      assertError(http.get("/api/workspaces/" + W + "/segments/pro?limit=10001"), 400);
      assertError(http.get("/api/workspaces/" + W + "/segments/pro?limit=ten"), 400);
      assertError(http.get("/api/workspaces/" + W + "/users/a%2Fb"), 400);
      assertError(http.get("/api/workspaces/" + W + "/users/%00"), 400);
      assertError(http.get("/api/workspaces/" + W + "/users/" + "u".repeat(5_000)), 400);
      int dotDot = http.get("/api/workspaces/" + W + "/users/../../status").status();
      assertTrue(dotDot == 400 || dotDot == 404, "'..' answered " + dotDot);
      HttpProbe.Answer wrong = http.send("DELETE", "/api/workspaces/" + W);
      assertError(wrong, 405);
      assertEquals("GET", wrong.header("Allow"));
      assertError(http.get("/api/workspaces/" + W + "/tick"), 405);

      HttpProbe.Answer retry = http.post("/api/workspaces/" + W + "/tick?retryParked=true");
      assertEquals(202, retry.status());
      assertTickOnTopic(config, retry.json(), "retry-parked");

      HttpProbe.Answer metrics = http.get("/metrics");
      assertEquals(200, metrics.status());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.header("Content-Type"));
      assertTrue(metrics.body().contains("granular_ingest_inserted_total"), metrics.body());
      JsonNode overview = http.get("/api/overview").json();
      assertEquals(0, overview.get("parked").size());
      assertEquals(1, overview.get("deadLetters").get("missing_message_id").asInt(), overview.toString());
      // The retry tick above may have started a plan; under exactly-once its task shows until its result commits.
      await().atMost(java.time.Duration.ofMinutes(1)).pollInterval(java.time.Duration.ofMillis(500)).until(() ->
          http.get("/api/overview").json().get("queue").get("normal").get("QUEUED").asInt() == 0);

      // A failure below the API (ClickHouse database gone) is a 500 JSON, and the server goes on.
      try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
        new Migrator(ch).dropDatabase();
      }
      assertError(http.get("/api/workspaces/" + W + "/segments/pro/size"), 500);
      assertEquals(200, http.get("/healthz").status());
    } finally {
      ItServices.cleanup(config);
    }
  }

  private static String cli(Path conf, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 2];
      all[0] = "--config";
      all[1] = conf.toString();
      System.arraycopy(args, 0, all, 2, args.length);
      assertEquals(0, GranularCli.execute(all));
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Follows next cursors from {@code after} to the end; checks every page's size against the limit. */
  private static List<String> pages(HttpProbe http, String segment, int limit, String after) {
    List<String> all = new ArrayList<>();
    String cursor = after;
    for (int guard = 0; guard < 1_000; guard++) {
      HttpProbe.Answer a = http.get("/api/workspaces/" + W + "/segments/" + segment + "?limit=" + limit
          + (cursor == null ? "" : "&after=" + enc(cursor)));
      assertEquals(200, a.status(), a.body());
      JsonNode page = a.json();
      assertTrue(page.get("members").size() <= limit);
      page.get("members").forEach(m -> all.add(m.asText()));
      if (page.get("next").isNull()) {
        return all;
      }
      assertEquals(all.get(all.size() - 1), page.get("next").asText());
      cursor = page.get("next").asText();
    }
    throw new AssertionError("paging did not end");
  }

  /** Members sorted after {@code after} as ClickHouse compares strings: bytewise on UTF-8. */
  private static List<String> after(List<String> members, String after) {
    byte[] a = after.getBytes(StandardCharsets.UTF_8);
    return members.stream().filter(m -> Arrays.compareUnsigned(m.getBytes(StandardCharsets.UTF_8), a) > 0).toList();
  }

  private static String count(ClickHouse clickHouse) {
    return clickHouse.rows("SELECT count() FROM " + clickHouse.table("assignments")).get(0)[0];
  }

  static void assertError(HttpProbe.Answer a, int status) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.header("Content-Type").startsWith("application/json"), a.header("Content-Type"));
    JsonNode body = a.json();
    assertEquals(status, body.get("status").asInt(), a.body());
    assertFalse(body.get("error").asText().isEmpty());
    if (status == 503) {
      assertNotNull(a.header("Retry-After"));
      assertTrue(body.get("retry").asText().contains("retry"));
    }
  }

  private static void assertTickOnTopic(AppConfig config, JsonNode tick, String source) {
    AvroSerde<WorkspaceTick> serde = new AvroSerde<>(WorkspaceTick.class);
    List<WorkspaceTick> found = new ArrayList<>();
    TopicScan.scan(config.kafka().bootstrapServers(), config.topics().workspaceTicks(), r -> {
      if (r.partition() == tick.get("partition").asInt() && r.offset() == tick.get("offset").asLong()) {
        found.add(serde.deserializer().deserialize("t", r.value()));
      }
    });
    assertEquals(1, found.size(), "the tick at " + tick);
    assertEquals(W, found.get(0).getWorkspaceId());
    assertEquals(source, found.get(0).getSource());
    assertEquals(tick.get("tickAtMs").asLong(), found.get(0).getTickAtMs());
  }
}
