package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The two Kafka Streams clients every instance runs, each a consumer group of its own. Ingest is apart so that a
 * compute sink waiting for a free slot (its backpressure) never stalls the input partitions a thread also runs:
 * in one client, a P6 profile showed stream threads blocked in the sink for 53 of 90 thread-seconds while ingest
 * fell 20 to 40 s behind. The two meet only through topics: ingest publishes progress, the planner reads it.
 */
public enum StreamsRole {
  /** user-events to ClickHouse, dead letters and progress; application id {@code <application-id>.ingest}. */
  INGEST(".ingest", List.of(Stores.INGEST_CLOCK)),
  /** Definitions, planner and compute sink; application id {@code <application-id>}, as before the split. */
  COMPUTE("", List.of(Stores.PLANNER_STATE, Stores.INPUT_WATERMARKS, Stores.WORKSPACE_DEFINITIONS, Stores.SINK_UNREPORTED));

  /** A dot, not a dash: Kafka's StreamsResetter treats every topic named "{@code <id>-...}" as the app's own. */
  private final String suffix;
  private final List<String> changelogged;

  StreamsRole(String suffix, List<String> changelogged) {
    this.suffix = suffix;
    this.changelogged = changelogged;
  }

  public String applicationId(AppConfig config) {
    return config.kafka().applicationId() + suffix;
  }

  /** The stores whose changelog topics Kafka Streams creates for this client ({@link Stores#changelogTopic}). */
  public List<String> changelogged() {
    return changelogged;
  }

  public String changelogTopic(AppConfig config, String store) {
    return Stores.changelogTopic(applicationId(config), store);
  }

  public Topology topology(AppConfig config, GranularTopology.Dependencies deps) {
    return switch (this) {
      case INGEST -> IngestTopology.build(config, deps);
      case COMPUTE -> GranularTopology.build(config, deps);
    };
  }

  public Properties properties(AppConfig config) {
    Properties p = StreamsProperties.from(config);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(config));
    if (this == INGEST) {
      p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.ingest().streamThreads());
    }
    return p;
  }
}
