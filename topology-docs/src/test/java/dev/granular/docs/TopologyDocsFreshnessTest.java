package dev.granular.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopologyDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** Fails when the checked-in topology documents no longer match the production topology. */
class TopologyDocsFreshnessTest {
  private static final String HOW = " is stale: run `make topology-docs` and commit the result";
  private final Map<StreamsRole, Topology> topology = TopologyDocs.defaultTopologies();

  @Test
  void describeTextIsFresh() throws IOException {
    assertEquals(TopologyDocs.text(topology), read(TopologyDocs.TEXT_FILE), TopologyDocs.TEXT_FILE + HOW);
  }

  @Test
  void mermaidDiagramIsFresh() throws IOException {
    assertEquals(TopologyDocs.mermaid(topology), read(TopologyDocs.MERMAID_FILE), TopologyDocs.MERMAID_FILE + HOW);
  }

  @Test
  void readmeEmbedsTheCurrentDiagram() throws IOException {
    assertTrue(read("README.md").contains(TopologyDocs.mermaid(topology)), "topology-docs/README.md" + HOW);
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }
}
