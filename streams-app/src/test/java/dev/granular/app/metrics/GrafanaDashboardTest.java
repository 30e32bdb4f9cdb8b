package dev.granular.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.fixtures.PrometheusText;
import dev.granular.app.sink.ChangeRecords;
import dev.granular.app.sink.TaskSlots;
import dev.granular.app.sink.TaskWork;
import dev.granular.avro.ComputeTask;
import dev.granular.sink.client.StatementObserver;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/** config/grafana-dashboard.json is valid JSON and every metric its queries read is in a real scrape. */
class GrafanaDashboardTest {
  private static final Pattern METRIC = Pattern.compile("\\b((?:granular|jvm|process|kafka)_[a-z0-9_]+)\\b");
  private final JsonNode dashboard = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Path.of("..", "config", "grafana-dashboard.json").toFile());
    } catch (IOException e) {
      throw new AssertionError("config/grafana-dashboard.json is not well-formed JSON", e);
    }
  }

  @Test
  void theDatasourceIsAnImportInput() {
    assertEquals("DS_PROMETHEUS", dashboard.path("__inputs").path(0).path("name").asText());
    for (JsonNode target : dashboard.findValues("targets").stream().flatMap(t -> list(t).stream()).toList()) {
      assertEquals("${DS_PROMETHEUS}", target.path("datasource").path("uid").asText(), target.toString());
    }
  }

  @Test
  void everyMetricAQueryReadsAppearsInAScrape() throws Exception {
    Set<String> referenced = new TreeSet<>();
    for (JsonNode expr : dashboard.findValues("expr")) {
      Matcher m = METRIC.matcher(expr.asText());
      while (m.find()) {
        referenced.add(m.group(1));
      }
    }
    assertTrue(referenced.size() > 20, "queries read " + referenced);
    Set<String> scraped = names(scrapeOfEveryMeter());
    scraped.addAll(names(kafkaStreamsScrape()));
    Set<String> missing = referenced.stream().filter(n -> !scraped.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), missing, "the dashboard reads metrics no scrape has");
  }

  /** Granular's meters (the lazily registered ones used once), the JVM's and the process's. */
  private static String scrapeOfEveryMeter() throws Exception {
    GranularMetrics metrics = GranularMetrics.prometheus();
    try (BinderSet jvm = BinderSet.jvm(metrics.registry())) {
      metrics.clickHouse().onError(StatementObserver.Kind.INSERT, 1, new IllegalStateException());
      TaskSlots slots = new TaskSlots("slots", 1, (task, ws) -> new TaskWork.Outcome(0, 0, 0, ChangeRecords.none()), metrics.sink(), () -> 0L);
      slots.init(new MockProcessorContext<>(new Properties(), new TaskId(0, 0), new File("/tmp/granular-dashboard-test"))
          .getStateStoreContext(), slots);
      slots.accept(new ComputeTask("p", "w", 0, 1, 0, 0L, 1L, 1L, 0, 1, List.of(), 1L, 1L, 0L, 1L, 1, false, -1), null);
      slots.flush();
      slots.close();
      return metrics.scrape();
    }
  }

  private static String kafkaStreamsScrape() throws IOException {
    try (InputStream in = GrafanaDashboardTest.class.getResourceAsStream("/kafka-streams-scrape.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> names(String scrape) {
    return PrometheusText.parse(scrape).samples().stream().map(PrometheusText.Sample::name).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
