package dev.granular.app.topology;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Renders {@link TopologyDescription}s as one Mermaid flowchart: topics as stadiums, stores as cylinders. Several
 * clients' topologies share their topic nodes, so a topic one writes and another reads joins them.
 */
public final class TopologyDiagram {
  private TopologyDiagram() {}

  /** @param clients a label per client (used in its sub-topologies' titles), in drawing order */
  public static String mermaid(Map<String, TopologyDescription> clients) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    Set<String> topics = new LinkedHashSet<>();
    Set<String> stores = new LinkedHashSet<>();
    clients.forEach((label, description) -> draw(label, description, out, topics, stores));
    topics.forEach(t -> out.append("  ").append(topicId(t)).append("([\"").append(t).append("\"])\n"));
    stores.forEach(s -> out.append("  ").append(storeId(s)).append("[(\"").append(s).append("\")]\n"));
    return out.toString();
  }

  private static void draw(String label, TopologyDescription description, StringBuilder out, Set<String> topics,
      Set<String> stores) {
    description.subtopologies().stream().sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id)).forEach(sub -> {
      out.append("  subgraph ").append(id(label)).append("_sub").append(sub.id()).append("[\"").append(label)
          .append(": sub-topology ").append(sub.id()).append("\"]\n");
      sub.nodes().stream().sorted(Comparator.comparing(TopologyDescription.Node::name)).forEach(node ->
          out.append("    ").append(id(node.name())).append("[\"").append(node.name()).append("\"]\n"));
      out.append("  end\n");
      sub.nodes().stream().sorted(Comparator.comparing(TopologyDescription.Node::name)).forEach(node -> {
        node.successors().stream().sorted(Comparator.comparing(TopologyDescription.Node::name)).forEach(next ->
            out.append("  ").append(id(node.name())).append(" --> ").append(id(next.name())).append('\n'));
        if (node instanceof TopologyDescription.Source source) {
          source.topicSet().stream().sorted().forEach(t -> {
            topics.add(t);
            out.append("  ").append(topicId(t)).append(" --> ").append(id(node.name())).append('\n');
          });
        } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
          topics.add(sink.topic());
          out.append("  ").append(id(node.name())).append(" --> ").append(topicId(sink.topic())).append('\n');
        } else if (node instanceof TopologyDescription.Processor processor) {
          processor.stores().stream().sorted().forEach(s -> {
            stores.add(s);
            out.append("  ").append(id(node.name())).append(" -.- ").append(storeId(s)).append('\n');
          });
        }
      });
    });
  }

  private static String id(String name) {
    return "n_" + name.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String topicId(String name) {
    return "t_" + name.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String storeId(String name) {
    return "s_" + name.replaceAll("[^A-Za-z0-9]", "_");
  }
}
