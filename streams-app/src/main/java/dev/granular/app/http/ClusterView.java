package dev.granular.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.status.WorkspaceStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The answers that span every instance: each instance reads its own stores, and the one asked adds its
 * peers' local answers (fetched with the forwarded mark, so they do not fan out again).
 */
record ClusterView(KafkaStreams streams, HostInfo self, LocalStores stores, PeerClient peers, GranularMetrics metrics) {

  /** {"workspaces": [...sorted by id], "instances": [...]}; local only when {@code forwarded}. */
  ObjectNode status(boolean forwarded) {
    Map<String, JsonNode> byWorkspace = new TreeMap<>();
    stores.states().forEach(s -> byWorkspace.put(s.getWorkspaceId(), WorkspaceStatus.describe(s)));
    List<HostInfo> others = forwarded ? List.of() : Instances.peers(streams, self);
    for (HostInfo peer : others) {
      peers.getJson(peer, "/api/status").path("workspaces").forEach(w -> byWorkspace.putIfAbsent(w.path("workspace").asText(), w));
    }
    ObjectNode out = Reply.object();
    ArrayNode workspaces = out.putArray("workspaces");
    byWorkspace.values().forEach(workspaces::add);
    instances(out, others);
    return out;
  }

  /** Queue, parked plans and dead letters summed over the instances; local only when {@code forwarded}. */
  ObjectNode overview(boolean forwarded) {
    ObjectNode out = Overview.local(stores.states(), metrics);
    List<HostInfo> others = forwarded ? List.of() : Instances.peers(streams, self);
    for (HostInfo peer : others) {
      JsonNode theirs = peers.getJson(peer, "/api/overview");
      ((ObjectNode) theirs).remove("instances");
      JsonSum.into(out, theirs);
    }
    instances(out, others);
    return out;
  }

  private void instances(ObjectNode out, List<HostInfo> others) {
    ArrayNode names = out.putArray("instances").add(Instances.name(self));
    others.forEach(h -> names.add(Instances.name(h)));
  }
}
