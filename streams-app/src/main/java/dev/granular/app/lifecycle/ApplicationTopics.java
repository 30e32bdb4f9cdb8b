package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.Stores;
import dev.granular.app.topology.Topics;
import dev.granular.app.topology.TopologyDocs;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics this application's topology declares, by exact name. Kafka's own StreamsResetter infers internal
 * topics by the prefix "{@code <application.id>-}", so resetting "granular" would also delete the topics of
 * "granular-bench-..."; here every name is derived from the topology, never matched.
 */
public record ApplicationTopics(List<String> inputs, List<String> internal) {

  public static ApplicationTopics of(AppConfig config) {
    Topics topics = new Topics(config.topics());
    Set<String> external = topics.external().stream().map(Topics.Topic::name).collect(Collectors.toSet());
    Set<String> inputs = new TreeSet<>();
    Set<String> internal = new TreeSet<>();
    String prefix = config.kafka().applicationId() + "-";
    for (TopologyDescription.Subtopology sub : TopologyDocs.inert(config).describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          for (String topic : source.topicSet()) {
            (external.contains(topic) ? inputs : internal).add(external.contains(topic) ? topic : prefix + topic);
          }
        }
      }
    }
    for (String store : Stores.changelogged()) {
      internal.add(Stores.changelogTopic(config.kafka().applicationId(), store));
    }
    return new ApplicationTopics(List.copyOf(inputs), List.copyOf(internal));
  }
}
