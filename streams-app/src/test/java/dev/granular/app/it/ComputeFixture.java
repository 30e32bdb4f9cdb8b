package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.config.AppConfig;
import dev.granular.avro.PlannerState;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compute.AssignmentReader;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.oracle.Oracle;
import dev.granular.sink.oracle.OracleResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A workspace with a mix of segments and user properties, a deterministic event load for it, and the checks
 * that what Granular computed equals the in-memory oracle.
 */
final class ComputeFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> DEFINITIONS = List.of(
      seg("pro", "{\"type\":\"Trait\",\"id\":\"1\",\"path\":\"plan\",\"operator\":{\"type\":\"Equals\",\"value\":\"pro\"}}", ""),
      seg("buyer", "{\"type\":\"Performed\",\"id\":\"1\",\"event\":\"Bought Shoes\",\"timesOperator\":\">=\",\"times\":2}", ""),
      seg("recent-viewer", "{\"type\":\"Performed\",\"id\":\"1\",\"event\":\"Viewed Product\",\"timesOperator\":\">=\",\"times\":1,"
          + "\"withinSeconds\":1800}", ""),
      seg("pro-buyer", "{\"type\":\"And\",\"id\":\"1\",\"children\":[\"2\",\"3\"]}",
          "{\"type\":\"Trait\",\"id\":\"2\",\"path\":\"plan\",\"operator\":{\"type\":\"Equals\",\"value\":\"pro\"}},"
          + "{\"type\":\"Performed\",\"id\":\"3\",\"event\":\"Bought Shoes\",\"timesOperator\":\">=\",\"times\":1}"),
      seg("de-or-fr", "{\"type\":\"Or\",\"id\":\"1\",\"children\":[\"2\",\"3\"]}",
          "{\"type\":\"Trait\",\"id\":\"2\",\"path\":\"country\",\"operator\":{\"type\":\"Equals\",\"value\":\"DE\"}},"
          + "{\"type\":\"Trait\",\"id\":\"3\",\"path\":\"country\",\"operator\":{\"type\":\"Equals\",\"value\":\"FR\"}}"),
      seg("big-spender", "{\"type\":\"Performed\",\"id\":\"1\",\"event\":\"Bought Shoes\",\"timesOperator\":\">=\",\"times\":1,"
          + "\"properties\":[{\"path\":\"price\",\"operator\":{\"type\":\"GreaterThanOrEqual\",\"value\":150}}]}", ""),
      prop("country", "{\"type\":\"Trait\",\"path\":\"country\"}"),
      prop("last-sku", "{\"type\":\"Performed\",\"event\":\"Bought Shoes\",\"path\":\"sku\"}"));

  private ComputeFixture() {}

  private static String seg(String id, String entry, String nodes) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"type\":\"Segment\",\"definition\":{\"entryNode\":" + entry
        + ",\"nodes\":[" + nodes + "]}}";
  }

  private static String prop(String id, String definition) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"type\":\"UserProperty\",\"definition\":" + definition + "}";
  }

  static List<String> definitionsFor(String workspace) {
    List<String> out = new ArrayList<>();
    for (String d : DEFINITIONS) {
      try {
        ObjectNode json = JSON.createObjectNode().put("workspaceId", workspace);
        json.setAll((ObjectNode) JSON.readTree(d));
        out.add(json.toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }

  static void produceDefinitions(AppConfig config, String workspace) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
      for (String d : definitionsFor(workspace)) {
        String id = JSON.readTree(d).get("id").asText();
        producer.send(new ProducerRecord<>(config.topics().definitions(), (workspace + "/" + id).getBytes(StandardCharsets.UTF_8),
            d.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  /** {@code n} events over {@code users} users, some out of order and some restated with the same messageId. */
  static List<byte[]> events(String workspace, int n, int users, long seed, long nowMs) {
    return events(workspace, workspace, n, users, seed, nowMs);
  }

  /** As above, with message ids {@code <idPrefix>-m<i>}, so that several batches of one workspace never collide. */
  static List<byte[]> events(String workspace, String idPrefix, int n, int users, long seed, long nowMs) {
    Random random = new Random(seed);
    String[] plans = {"pro", "free", "team"};
    String[] countries = {"DE", "FR", "US", "BR"};
    String[] names = {"Bought Shoes", "Viewed Product", "Opened Email"};
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectNode e = JSON.createObjectNode().put("workspaceId", workspace).put("messageId", idPrefix + "-m" + i)
          .put("userId", "u" + random.nextInt(users))
          .put("timestamp", Instant.ofEpochMilli(nowMs - random.nextInt(3_600_000)).toString());
      if (random.nextInt(3) == 0) {
        e.put("type", "identify");
        e.putObject("traits").put("plan", plans[random.nextInt(plans.length)]).put("country", countries[random.nextInt(countries.length)]);
      } else {
        e.put("type", "track").put("event", names[random.nextInt(names.length)]);
        e.putObject("properties").put("price", random.nextInt(200)).put("sku", "sku-" + random.nextInt(30));
      }
      out.add(e.toString().getBytes(StandardCharsets.UTF_8));
      if (random.nextInt(10) == 0) {
        out.add(e.toString().getBytes(StandardCharsets.UTF_8)); // a restatement: same messageId again
      }
    }
    return out;
  }

  /**
   * Whether the planner counts at least {@code events} durable events and its watermark is at the latest of them
   * (every input partition has reported past it), so that one tick plans them all. With the scheduler off nothing
   * ticks again, and a tick before an input partition reported would plan a shorter window.
   */
  static boolean readyToTick(PlannerState s, long events) {
    return s != null && s.getEventsTotal() >= events && !dev.granular.app.planner.Planner.awaitsWatermark(s);
  }

  static void tick(AppConfig config, String workspace, long now) throws Exception {
    var serde = new dev.granular.app.serde.AvroSerde<>(dev.granular.avro.WorkspaceTick.class);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", ItServices.BOOTSTRAP),
        new org.apache.kafka.common.serialization.StringSerializer(), serde.serializer())) {
      producer.send(new ProducerRecord<>(config.topics().workspaceTicks(), workspace,
          new dev.granular.avro.WorkspaceTick(workspace, now, "manual", null))).get();
    }
  }

  static void produce(AppConfig config, List<byte[]> values) {
    try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
      values.forEach(v -> producer.send(new ProducerRecord<>(config.topics().userEvents(), v)));
      producer.flush();
    }
  }

  /** Waits until the planner has computed up to its watermark with nothing in flight, and the watermark covers {@code minEvents}. */
  static PlannerState awaitComputed(AppConfig config, String workspace, long minEvents, Duration timeout) {
    PlannerState[] last = new PlannerState[1];
    await().atMost(timeout).pollInterval(Duration.ofSeconds(1))
        .conditionEvaluationListener(c -> {
          if (c.getRemainingTimeInMS() <= 1_000 && last[0] != null) {
            System.err.println("planner state at timeout: " + dev.granular.app.cli.StatusLine.of(last[0]));
          }
        })
        .until(() -> {
      PlannerState s = PlannerSnapshot.read(config).states().get(workspace);
      last[0] = s;
      return s != null && s.getInFlight() == null && s.getEventsTotal() >= minEvents
          && dev.granular.app.planner.Planner.computedAllDurable(s)
          && s.getComputedVersion() == s.getDefinitionsVersion() && s.getComputedVersion() > 0;
    });
    return last[0];
  }

  static List<StoredEvent> storedEvents(ClickHouse clickHouse, String workspace) {
    List<StoredEvent> out = new ArrayList<>();
    for (String[] r : clickHouse.rows("SELECT workspace_id, message_id, type, user_id, anonymous_id, event, properties, traits,"
        + " event_time_ms, processing_time_ms FROM " + clickHouse.table("user_events") + " WHERE workspace_id = '"
        + workspace.replace("'", "\\'") + "' ORDER BY processing_time_ms, message_id")) {
      out.add(new StoredEvent(r[0], r[1], r[2], r[3].isEmpty() ? null : r[3], r[4].isEmpty() ? null : r[4], r[5].isEmpty() ? null : r[5],
          r[6], r[7], Long.parseLong(r[8]), Long.parseLong(r[9])));
    }
    return out;
  }

  static List<PropertyDefinition> parsedDefinitions(String workspace) {
    return definitionsFor(workspace).stream().map(DefinitionParser::parse).toList();
  }

  /** Segment members and user-property values, in one comparable shape. */
  record Assignments(Map<String, Set<String>> members, Map<String, Map<String, JsonNode>> values) {}

  static Assignments computed(ClickHouse clickHouse, String workspace) {
    AssignmentReader.Snapshot s = new AssignmentReader(clickHouse, new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(10))).snapshot(workspace);
    return normalize(s.members(), s.values());
  }

  static Assignments oracle(ClickHouse clickHouse, String workspace, long nowMs) {
    OracleResult r = Oracle.evaluate(parsedDefinitions(workspace), storedEvents(clickHouse, workspace), nowMs);
    Map<String, Set<String>> members = new TreeMap<>();
    r.segments().forEach((segment, users) -> {
      Set<String> in = new TreeSet<>();
      users.forEach((u, member) -> {
        if (Boolean.TRUE.equals(member)) {
          in.add(u);
        }
      });
      members.put(segment, in);
    });
    return normalize(members, r.userProperties());
  }

  private static Assignments normalize(Map<String, Set<String>> members, Map<String, Map<String, JsonNode>> values) {
    Map<String, Set<String>> m = new TreeMap<>();
    members.forEach((k, v) -> {
      if (!v.isEmpty()) {
        m.put(k, new TreeSet<>(v));
      }
    });
    Map<String, Map<String, JsonNode>> p = new TreeMap<>();
    values.forEach((k, v) -> {
      Map<String, JsonNode> nonNull = new TreeMap<>();
      v.forEach((u, j) -> {
        if (j != null && !j.isNull()) {
          nonNull.put(u, j);
        }
      });
      if (!nonNull.isEmpty()) {
        p.put(k, nonNull);
      }
    });
    return new Assignments(m, p);
  }

  static void assertSame(Assignments expected, Assignments actual, String what) {
    assertEquals(expected.members(), actual.members(), what + ": segment members");
    assertEquals(expected.values(), actual.values(), what + ": user-property values");
  }
}
