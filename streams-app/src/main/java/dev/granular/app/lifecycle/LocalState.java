package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopologyDocs;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/** This host's local state of the application, both clients': what {@link KafkaStreams#cleanUp()} removes. */
public final class LocalState {
  private LocalState() {}

  /** The state directories, one per client ({@link StreamsRole}), as one string for reports. */
  public static String directory(AppConfig config) {
    return java.util.Arrays.stream(StreamsRole.values()).map(r -> directory(config, r).toString())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  static Path directory(AppConfig config, StreamsRole role) {
    return Path.of(config.kafka().stateDir(), role.applicationId(config));
  }

  /** Removes this host's state directories of the application; fails if an instance on this host still holds one. */
  public static String clean(AppConfig config) {
    for (StreamsRole role : StreamsRole.values()) {
      KafkaStreams streams = new KafkaStreams(TopologyDocs.inert(config, role), role.properties(config));
      try {
        streams.cleanUp();
      } catch (RuntimeException e) {
        throw new LifecycleException("cannot clean " + directory(config, role) + " (is an instance running on this host?): "
            + e.getMessage());
      } finally {
        streams.close(Duration.ZERO);
      }
    }
    return directory(config);
  }
}
