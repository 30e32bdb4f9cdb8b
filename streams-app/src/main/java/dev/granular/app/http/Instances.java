package dev.granular.app.http;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** The instances of this application, as Kafka Streams knows them from their application.server. */
final class Instances {
  private Instances() {}

  /** Interactive queries are answered only from restored stores, i.e. in state RUNNING. */
  static void requireRunning(KafkaStreams streams) {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw ApiError.unavailable("stores not ready: this instance is " + state);
    }
  }

  /** Every other instance in the group, sorted, never this one. */
  static List<HostInfo> peers(KafkaStreams streams, HostInfo self) {
    requireRunning(streams);
    return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
        .filter(h -> !h.equals(self)).distinct()
        .sorted(java.util.Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port)).toList();
  }

  static String name(HostInfo host) {
    return host.host() + ":" + host.port();
  }
}
