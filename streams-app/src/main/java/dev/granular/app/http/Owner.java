package dev.granular.app.http;

import dev.granular.app.topology.Stores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Which instance answers for a workspace: the active host of its planner-state partition. */
sealed interface Owner {
  record Here() implements Owner {}

  record Peer(HostInfo host) implements Owner {}

  /**
   * Kafka Streams' own answer for the key, or a 503 while it has none (starting, rebalancing). The planner
   * state and the workspace's definitions are co-partitioned, so the same instance holds both.
   */
  static Owner of(KafkaStreams streams, HostInfo self, String workspace) {
    Instances.requireRunning(streams);
    KeyQueryMetadata meta = streams.queryMetadataForKey(Stores.PLANNER_STATE, workspace, Serdes.String().serializer());
    if (meta == null || KeyQueryMetadata.NOT_AVAILABLE.equals(meta) || meta.activeHost() == null) {
      throw ApiError.unavailable("no instance owns workspace " + workspace + "'s partition right now (rebalancing)");
    }
    return meta.activeHost().equals(self) ? new Here() : new Peer(meta.activeHost());
  }
}
