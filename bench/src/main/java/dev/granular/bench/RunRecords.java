package dev.granular.bench;

import dev.granular.app.topology.TopicScan;
import dev.granular.app.config.AppConfig;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.topology.Stores;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.PartState;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run left on its topics, read after the fact: every plan, task, result and dead letter. The app may
 * have run in another process, so the topics, not its in-memory metrics, are the record.
 */
public final class RunRecords {
  private RunRecords() {}

  /** Every plan that completed, by workspace, in completion order; and each workspace's latest state. */
  public record PlanHistory(Map<String, List<Plan>> completed, Map<String, PlannerState> latest) {}

  /**
   * A state keeps only its last few completed plans, but the changelog holds every version of the state, so
   * the union over all versions is every completed plan (the store has no cache, so no version is skipped).
   */
  public static PlanHistory plans(AppConfig config) {
    String topic = Stores.changelogTopic(config.kafka().applicationId(), Stores.PLANNER_STATE);
    AvroSerde<PlannerState> serde = new AvroSerde<>(PlannerState.class);
    Map<String, Map<String, Plan>> byWorkspace = new TreeMap<>();
    Map<String, PlannerState> latest = new TreeMap<>();
    TopicScan.scan(config.kafka().bootstrapServers(), topic, r -> {
      if (r.value() == null) {
        return;
      }
      PlannerState s = serde.deserializer().deserialize(topic, r.value());
      latest.put(s.getWorkspaceId(), s);
      Map<String, Plan> plans = byWorkspace.computeIfAbsent(s.getWorkspaceId(), w -> new LinkedHashMap<>());
      s.getCompleted().forEach(p -> plans.putIfAbsent(p.getPlanId(), p));
    });
    Map<String, List<Plan>> completed = new TreeMap<>();
    byWorkspace.forEach((w, plans) -> completed.put(w, new ArrayList<>(plans.values())));
    return new PlanHistory(completed, latest);
  }

  /** When the plan's last part finished, as the compute sink saw it. */
  public static long completedAtMs(Plan plan) {
    long last = plan.getFinishedAtMs();
    for (PartState part : plan.getParts()) {
      if (part.getOutcome() != null) {
        last = Math.max(last, part.getOutcome().getFinishedAtMs());
      }
    }
    return last;
  }

  public static List<TaskResult> results(AppConfig config) {
    return avro(config, config.topics().computeTaskResults(), TaskResult.class);
  }

  /** Tasks from both the normal and the priority topic, retries included. */
  public static List<ComputeTask> tasks(AppConfig config) {
    List<ComputeTask> all = new ArrayList<>(avro(config, config.topics().computeTasks(), ComputeTask.class));
    all.addAll(avro(config, config.topics().computeTasksPriority(), ComputeTask.class));
    return all;
  }

  /** Every change record a read_committed consumer sees, in topic order per partition. */
  public static List<dev.granular.avro.AssignmentChange> changes(AppConfig config) {
    return avro(config, config.topics().assignments(), dev.granular.avro.AssignmentChange.class);
  }

  /** Records of a dead-letter topic by their reason header. */
  public static Map<String, Long> deadLetters(AppConfig config, String topic) {
    Map<String, Long> counts = new TreeMap<>();
    TopicScan.scan(config.kafka().bootstrapServers(), topic, r -> {
      var reason = r.headers().lastHeader(DeadLetterHeaders.REASON);
      counts.merge(reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8), 1L, Long::sum);
    });
    return counts;
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> List<T> avro(AppConfig config, String topic, Class<T> type) {
    AvroSerde<T> serde = new AvroSerde<>(type);
    List<T> out = new ArrayList<>();
    TopicScan.scan(config.kafka().bootstrapServers(), topic, r -> {
      if (r.value() != null) {
        out.add(serde.deserializer().deserialize(topic, r.value()));
      }
    });
    return out;
  }
}
