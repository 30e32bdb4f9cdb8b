package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Keeps what it is given, to compare with what the run counted. */
  private static final class RecordingSink implements LoadSink {
    final List<GeneratedDefinition> definitions = new ArrayList<>();
    final List<GeneratedEvent> events = new ArrayList<>();

    @Override
    public void definition(GeneratedDefinition definition) {
      assertTrue(events.isEmpty(), "definitions come before events");
      definitions.add(definition);
    }

    @Override
    public void event(GeneratedEvent event) {
      events.add(event);
    }

    @Override
    public void close() {}
  }

  @Test
  void theSummaryCountsWhatTheSinkReceived() throws IOException {
    LoadConfig config = LoadConfig.builder().seed(9).smallWorkspaces(3).eventsPerWorkspace(4_000).whaleFactor(4)
        .segmentsPerWorkspace(6).userPropertiesPerWorkspace(2).build();
    RecordingSink sink = new RecordingSink();
    LoadSummary summary = LoadRun.write(new LoadGenerator(config), sink);
    assertEquals(28_000, summary.events());
    assertEquals(sink.events.size(), summary.events());
    assertEquals(16_000, summary.whaleEvents());
    assertEquals(4 * 8, summary.definitions());
    assertEquals(sink.definitions.size(), summary.definitions());
    assertEquals(sink.events.stream().filter(e -> !e.valid()).count(), summary.invalid());
    assertEquals(sink.events.stream().filter(GeneratedEvent::late).count(), summary.outOfOrder());
    assertEquals(sink.events.stream().filter(e -> e.kind() == GeneratedEvent.Kind.RESTATEMENT).count(), summary.restatements());
    assertEquals(sink.events.stream().filter(e -> e.kind() == GeneratedEvent.Kind.NEAR_DUPLICATE).count(),
        summary.nearDuplicates());
    String line = summary.line();
    assertTrue(line.startsWith("generated 28000 events (3 workspaces x 4000, whale 4x = 16000): " + summary.invalid() + " invalid, "
        + summary.restatements() + " restatements"), line);
    assertTrue(line.contains("; 32 definitions; seed 9, run load-9;"), line);
  }

  @Test
  void filesHoldOneValuePerLineAndKeyTabValueDefinitions() throws IOException {
    LoadConfig config = LoadConfig.builder().smallWorkspaces(2).eventsPerWorkspace(1_000).invalidRate(0.02).build();
    LoadSummary summary;
    try (JsonLinesSink sink = new JsonLinesSink(dir)) {
      summary = LoadRun.write(new LoadGenerator(config), sink);
    }
    List<String> events = Files.readAllLines(dir.resolve(JsonLinesSink.EVENTS_FILE), StandardCharsets.UTF_8);
    assertEquals(summary.events(), events.size());
    assertEquals(LoadFixture.materialise(new LoadGenerator(config).events()).stream().map(GeneratedEvent::json).toList(), events);
    List<String> definitions = Files.readAllLines(dir.resolve(JsonLinesSink.DEFINITIONS_FILE), StandardCharsets.UTF_8);
    assertEquals(summary.definitions(), definitions.size());
    for (String line : definitions) {
      String[] keyAndValue = line.split("\t", -1);
      assertEquals(2, keyAndValue.length, line);
      JsonNode value = JSON.readTree(keyAndValue[1]);
      assertEquals(value.get("workspaceId").asText() + "/" + value.get("id").asText(), keyAndValue[0]);
    }
  }
}
