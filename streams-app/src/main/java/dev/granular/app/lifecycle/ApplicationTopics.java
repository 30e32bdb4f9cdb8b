package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.Stores;
import dev.granular.app.topology.StreamsRole;
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

  /** Both clients' topics ({@link StreamsRole}), and the changelog ingest had before it ran as a client of its own. */
  public static ApplicationTopics of(AppConfig config) {
    Set<String> inputs = new TreeSet<>();
    Set<String> internal = new TreeSet<>();
    for (StreamsRole role : StreamsRole.values()) {
      ApplicationTopics one = of(config, role);
      inputs.addAll(one.inputs());
      internal.addAll(one.internal());
    }
    internal.add(Stores.changelogTopic(config.kafka().applicationId(), Stores.INGEST_CLOCK));
    return new ApplicationTopics(List.copyOf(inputs), List.copyOf(internal));
  }

  /** The topics one client's topology reads (external inputs, by its group) and the ones it owns. */
  public static ApplicationTopics of(AppConfig config, StreamsRole role) {
    Topics topics = new Topics(config.topics());
    Set<String> external = topics.external().stream().map(Topics.Topic::name).collect(Collectors.toSet());
    Set<String> inputs = new TreeSet<>();
    Set<String> internal = new TreeSet<>();
    String prefix = role.applicationId(config) + "-";
    for (TopologyDescription.Subtopology sub : TopologyDocs.inert(config, role).describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          for (String topic : source.topicSet()) {
            (external.contains(topic) ? inputs : internal).add(external.contains(topic) ? topic : prefix + topic);
          }
        }
      }
    }
    for (String store : role.changelogged()) {
      internal.add(role.changelogTopic(config, store));
    }
    return new ApplicationTopics(List.copyOf(inputs), List.copyOf(internal));
  }
}
