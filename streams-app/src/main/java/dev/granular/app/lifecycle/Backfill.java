package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.ingest.ReplayFence;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.Topics;
import dev.granular.avro.PlannerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.OffsetSpec;

/**
 * `granular backfill`: replay user events received since a time, for all or some workspaces, and recompute them.
 * It moves only this application's committed offsets of the input topic (its ingest group's) back (never forward, never another
 * group's, never a topic deleted), records a {@link ReplayFence} so other workspaces' records are skipped on the
 * way, rewinds the planner of each selected workspace, and cleans this host's local state. Definitions stay:
 * their store and its changelog are never touched.
 */
public final class Backfill {
  /** @param fromMs replay records with a timestamp at or after this; null: from the earliest retained */
  public record Request(Long fromMs, List<String> workspaces, boolean dryRun) {}

  public record PartitionReset(int partition, Long committed, long resetTo, long records) {}

  public record Rewind(String workspace, long cursorMs, long rewindToMs) {}

  public record Report(String application, String topic, Long fromMs, List<String> workspaces, boolean dryRun,
      List<PartitionReset> partitions, long records, List<Rewind> rewinds, String localState, List<String> nextSteps) {}

  private Backfill() {}

  public static Report run(AppConfig config, Request request) {
    String app = config.kafka().applicationId();
    Topics topics = new Topics(config.topics());
    String topic = topics.userEvents.name();
    try (Kafka kafka = new Kafka(config)) {
      Guard.noLiveMembers(kafka, app, "backfill");
      ConsumerGroup group = kafka.group(StreamsRole.INGEST); // the group that reads the input topic
      Map<String, PlannerState> states = PlannerSnapshot.read(config).states();
      List<String> selected = select(states, request.workspaces());
      Map<Integer, Long> committed = group.committed(topic);
      Map<Integer, Long> target = group.offsets(topic,
          request.fromMs() == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(request.fromMs()));
      List<PartitionReset> partitions = new ArrayList<>();
      Map<Integer, Long> resets = new TreeMap<>();
      target.forEach((p, t) -> {
        Long done = committed.get(p);
        long to = done == null ? t : Math.min(done, t); // never forward: records not yet processed stay ahead
        resets.put(p, to);
        partitions.add(new PartitionReset(p, done, to, done == null ? 0 : done - to));
      });
      long rewindTo = request.fromMs() == null ? 0 : request.fromMs();
      List<Rewind> rewinds = selected.stream().map(w -> new Rewind(w, states.get(w).getCursorMs(), rewindTo)).toList();
      String local = LocalState.directory(config);
      if (!request.dryRun()) {
        long now = System.currentTimeMillis();
        kafka.ensure(topics.backfills);
        kafka.send(topics.backfills.name(), topic,
            new ReplayFence(topic, request.workspaces(), committed, rewindTo, now).toJson());
        group.reset(topic, resets);
        for (Rewind r : rewinds) {
          kafka.tick(topics, r.workspace(), now, "backfill", r.rewindToMs());
        }
        kafka.flush();
        LocalState.clean(config);
      }
      return new Report(app, topic, request.fromMs(), selected, request.dryRun(), partitions,
          partitions.stream().mapToLong(PartitionReset::records).sum(), rewinds, local, Guard.nextSteps(app));
    }
  }

  private static List<String> select(Map<String, PlannerState> states, List<String> requested) {
    if (requested.isEmpty()) {
      return List.copyOf(new TreeSet<>(states.keySet()));
    }
    List<String> unknown = requested.stream().filter(w -> !states.containsKey(w)).toList();
    if (!unknown.isEmpty()) {
      throw new LifecycleException("unknown workspace(s) " + unknown + ": the planner has no state for them"
          + " (`granular status` lists the known ones). Nothing was changed.");
    }
    return List.copyOf(new TreeSet<>(requested));
  }
}
