package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.GranularMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.Topology;

/** The checked-in topology documents, generated from the production topology with default settings. */
public final class TopologyDocs {
  public static final String TEXT_FILE = "topology.txt";
  public static final String MERMAID_FILE = "topology.mmd";

  private TopologyDocs() {}

  /** The production topology of {@code role} under the default configuration; no external system is touched. */
  public static Topology defaultTopology(StreamsRole role) {
    return inert(AppConfig.load(null, Map.of()), role);
  }

  /** The production topology of {@code role}, with nothing behind it: for describing it or cleaning its state. */
  public static Topology inert(AppConfig config, StreamsRole role) {
    return role.topology(config, new GranularTopology.Dependencies(
        () -> batch -> {
          throw new IllegalStateException("documentation topology never runs");
        },
        () -> (task, workspace) -> {
          throw new IllegalStateException("documentation topology never runs");
        },
        System::currentTimeMillis, GranularMetrics.inMemory(), config.kafka().partitions()));
  }

  /** Both clients' production topologies under the default configuration, ingest first (the order events flow). */
  public static Map<StreamsRole, Topology> defaultTopologies() {
    Map<StreamsRole, Topology> out = new LinkedHashMap<>();
    for (StreamsRole role : StreamsRole.values()) {
      out.put(role, defaultTopology(role));
    }
    return out;
  }

  public static String text(Map<StreamsRole, Topology> topologies) {
    AppConfig defaults = AppConfig.load(null, Map.of());
    StringBuilder out = new StringBuilder();
    topologies.forEach((role, topology) -> out.append("# ").append(label(role)).append(" client, application id ")
        .append(role.applicationId(defaults)).append("\n").append(topology.describe()).append('\n'));
    return out.toString();
  }

  public static String mermaid(Map<StreamsRole, Topology> topologies) {
    Map<String, TopologyDescription> described = new LinkedHashMap<>();
    topologies.forEach((role, topology) -> described.put(label(role), topology.describe()));
    return TopologyDiagram.mermaid(described);
  }

  private static String label(StreamsRole role) {
    return role.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The folder's README: how to regenerate, and the diagram rendered inline. */
  public static String readme(Map<StreamsRole, Topology> topology) {
    return "# Topology\n\n"
        + "Generated from the production topologies with the default configuration: each instance runs two Kafka\n"
        + "Streams clients, `ingest` (`IngestTopology.build`) and `compute` (`GranularTopology.build`), which meet\n"
        + "on the ingest-progress topic (`StreamsRole` says why they are apart).\n"
        + "Regenerate with `make topology-docs`; `TopologyDocsFreshnessTest` fails when these files are stale.\n\n"
        + "- [`topology.txt`](topology.txt): `Topology#describe()`, as `java -jar streams-app/target/granular.jar describe` prints it.\n"
        + "- [`topology.mmd`](topology.mmd): the same as a Mermaid flowchart (topics as stadiums, stores as cylinders).\n\n"
        + "```mermaid\n" + mermaid(topology) + "```\n";
  }
}
