package dev.granular.app.metrics;

import static dev.granular.app.metrics.Scrapes.assertSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.GranularTopology;
import dev.granular.app.topology.IngestTopology;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.Topics;
import io.micrometer.core.instrument.Meter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Ingest and dead-letter meters as Prometheus scrapes them, driven through the production topology with an
 * in-memory sink; and the label rules: no user label anywhere, no workspace label by default.
 */
class PrometheusMetricsTest {
  private static final String WORKSPACE = "acme-4711";
  private static final String USER = "user-4711-";
  private final GranularMetrics metrics = GranularMetrics.prometheus();

  private static String event(String id) {
    return "{\"workspaceId\":\"" + WORKSPACE + "\",\"messageId\":\"" + id + "\",\"type\":\"track\",\"event\":\"e\",\"userId\":\""
        + USER + id + "\"}";
  }

  private void drive() {
    AppConfig config = AppConfig.load(null, Map.of("granular.ingest.batch-size", 2, "granular.ingest.flush-interval", "10s"));
    var deps = new GranularTopology.Dependencies(() -> batch -> { }, () -> (task, workspace) -> {
      throw new IllegalStateException("no compute here");
    }, () -> 1_000_000L, metrics, 1);
    Topics topics = new Topics(config.topics());
    // Both clients' topologies, one driver each, as an instance runs them (StreamsRole), on the one registry.
    try (TopologyTestDriver driver = new TopologyTestDriver(IngestTopology.build(config, deps), StreamsRole.INGEST.properties(config))) {
      TestInputTopic<byte[], byte[]> events = driver.createInputTopic(topics.userEvents.name(), new ByteArraySerializer(),
          new ByteArraySerializer());
      for (String json : List.of(event("1"), event("2"), event("3"), "{not json", "{\"workspaceId\":\"" + WORKSPACE + "\",\"type\":\"track\"}")) {
        events.pipeInput("k".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
      }
    }
    try (TopologyTestDriver driver = new TopologyTestDriver(GranularTopology.build(config, deps), StreamsRole.COMPUTE.properties(config))) {
      TestInputTopic<byte[], byte[]> definitions = driver.createInputTopic(topics.definitions.name(), new ByteArraySerializer(),
          new ByteArraySerializer());
      definitions.pipeInput("no-slash".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
      definitions.pipeInput((WORKSPACE + "/s").getBytes(StandardCharsets.UTF_8), "[1]".getBytes(StandardCharsets.UTF_8));
      driver.createInputTopic(topics.computeTasks.name(), new StringSerializer(), new ByteArraySerializer())
          .pipeInput("w", new byte[] {1, 2, 3});
    }
  }

  @Test
  void ingestCountersInsertHistogramAndDeadLettersByReasonAreScraped() {
    drive();
    String scrape = metrics.scrape();
    assertSample(scrape, "granular_ingest_accepted_total", "", 3);
    // TopologyTestDriver commits after every record, and every commit flushes the buffer: three batches of one.
    // They count although the writer never saw them full or timed out.
    assertSample(scrape, "granular_ingest_batches_total", "", 3);
    assertSample(scrape, "granular_ingest_inserted_total", "", 3);
    assertSample(scrape, "granular_ingest_insert_seconds_count", "", 3);
    assertSample(scrape, "granular_ingest_insert_seconds_bucket", "le=\"+Inf\"", 3);
    assertSample(scrape, "granular_ingest_insert_retries_total", "", 0);
    assertSample(scrape, "granular_dead_letters_total", "source=\"events\",reason=\"unparseable_json\"", 1);
    assertSample(scrape, "granular_dead_letters_total", "source=\"events\",reason=\"missing_message_id\"", 1);
    assertSample(scrape, "granular_dead_letters_total", "source=\"events\"", 2);
    assertSample(scrape, "granular_dead_letters_total", "source=\"definitions\",reason=\"bad_key\"", 1);
    assertSample(scrape, "granular_dead_letters_total", "source=\"definitions\",reason=\"malformed\"", 1);
    assertSample(scrape, "granular_dead_letters_total", "source=\"definitions\",reason=\"other\"", 0);
    assertSample(scrape, "granular_dead_letters_total", "source=\"tasks\",reason=\"undecodable_task\"", 1);
  }

  @Test
  void noMeterIsLabelledByUserAndNoneByWorkspaceByDefault() {
    drive();
    metrics.clickHouse().onError(dev.granular.sink.client.StatementObserver.Kind.QUERY, 1, new IllegalStateException());
    Set<String> forbidden = Set.of("user", "userid", "user_id", "workspace", "workspaceid", "workspace_id");
    List<Meter> granular = metrics.registry().getMeters().stream().filter(m -> m.getId().getName().startsWith("granular.")).toList();
    assertTrue(granular.size() > 30, "the Granular meters are registered: " + granular.size());
    for (Meter meter : granular) {
      meter.getId().getTags().forEach(tag -> assertTrue(!forbidden.contains(tag.getKey().toLowerCase(java.util.Locale.ROOT)),
          meter.getId() + " carries a per-user or per-workspace label"));
    }
    String scrape = metrics.scrape();
    assertEquals(-1, scrape.indexOf(USER), "a user id leaked into a label value");
    assertEquals(-1, scrape.indexOf(WORKSPACE), "a workspace id leaked into a label value");
  }
}
