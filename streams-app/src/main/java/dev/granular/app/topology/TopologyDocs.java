package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import dev.granular.app.metrics.GranularMetrics;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/** The checked-in topology documents, generated from the production topology with default settings. */
public final class TopologyDocs {
  public static final String TEXT_FILE = "topology.txt";
  public static final String MERMAID_FILE = "topology.mmd";

  private TopologyDocs() {}

  /** The production topology under the default configuration; no external system is touched. */
  public static Topology defaultTopology() {
    return inert(AppConfig.load(null, Map.of()));
  }

  /** The production topology for {@code config}, with nothing behind it: for describing it or cleaning its state. */
  public static Topology inert(AppConfig config) {
    return GranularTopology.build(config, new GranularTopology.Dependencies(
        () -> batch -> {
          throw new IllegalStateException("documentation topology never runs");
        },
        () -> (task, workspace) -> {
          throw new IllegalStateException("documentation topology never runs");
        },
        System::currentTimeMillis, GranularMetrics.inMemory(), config.kafka().partitions()));
  }

  public static String text(Topology topology) {
    return topology.describe().toString();
  }

  public static String mermaid(Topology topology) {
    return TopologyDiagram.mermaid(topology.describe());
  }

  /** The folder's README: how to regenerate, and the diagram rendered inline. */
  public static String readme(Topology topology) {
    return "# Topology\n\n"
        + "Generated from the production topology (`GranularTopology.build`) with the default configuration.\n"
        + "Regenerate with `make topology-docs`; `TopologyDocsFreshnessTest` fails when these files are stale.\n\n"
        + "- [`topology.txt`](topology.txt): `Topology#describe()`, as `java -jar streams-app/target/granular.jar describe` prints it.\n"
        + "- [`topology.mmd`](topology.mmd): the same as a Mermaid flowchart (topics as stadiums, stores as cylinders).\n\n"
        + "```mermaid\n" + mermaid(topology) + "```\n";
  }
}
