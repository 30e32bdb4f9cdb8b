package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.StreamsProperties;
import dev.granular.app.topology.TopologyDocs;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/** This host's local state of the application: what {@link KafkaStreams#cleanUp()} removes. */
public final class LocalState {
  private LocalState() {}

  public static Path directory(AppConfig config) {
    return Path.of(config.kafka().stateDir(), config.kafka().applicationId());
  }

  /** Removes this host's state directory of the application; fails if an instance on this host still holds it. */
  public static Path clean(AppConfig config) {
    KafkaStreams streams = new KafkaStreams(TopologyDocs.inert(config), StreamsProperties.from(config));
    try {
      streams.cleanUp();
    } catch (RuntimeException e) {
      throw new LifecycleException("cannot clean " + directory(config) + " (is an instance running on this host?): " + e.getMessage());
    } finally {
      streams.close(Duration.ZERO);
    }
    return directory(config);
  }
}
