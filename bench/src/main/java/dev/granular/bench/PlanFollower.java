package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every plan's window and when its last part succeeded, followed on the task and result topics (read_committed).
 * Each {@link #refresh()} reads only what was written since the last: P6 reads after every step while the app
 * runs, and the planner's changelog, which holds the same plans, is many times larger (every state version).
 */
final class PlanFollower implements AutoCloseable {
  /** A plan as its tasks describe it: processing-time window (from, to], when planned, how many parts. */
  record PlanWindow(String planId, String workspaceId, long fromMs, long toMs, long plannedAtMs, int parts) {}

  /** A completed plan: its workspace, window end and when its last part succeeded. */
  record Completed(String workspaceId, long toMs, long finishedAtMs) {}

  private final CommittedTail tail;
  private final String resultsTopic;
  private final AvroSerde<ComputeTask> tasks = new AvroSerde<>(ComputeTask.class);
  private final AvroSerde<TaskResult> results = new AvroSerde<>(TaskResult.class);
  private final Map<String, PlanWindow> plans = new HashMap<>();
  private final Map<String, Set<Integer>> doneParts = new HashMap<>();
  private final Map<String, Long> lastFinish = new HashMap<>();

  PlanFollower(AppConfig config) {
    this.resultsTopic = config.topics().computeTaskResults();
    this.tail = new CommittedTail(config.kafka().bootstrapServers(),
        List.of(config.topics().computeTasks(), config.topics().computeTasksPriority(), resultsTopic), 1024 * 1024);
  }

  /** Reads up to the topics' current ends (the last committed transactions). */
  void refresh() {
    tail.refresh(r -> {
      if (r.value() != null) {
        read(r);
      }
    });
  }

  private void read(ConsumerRecord<byte[], byte[]> r) {
    if (r.topic().equals(resultsTopic)) {
      TaskResult result = results.deserializer().deserialize(r.topic(), r.value());
      if (result.getSuccess()) {
        doneParts.computeIfAbsent(result.getPlanId(), p -> new HashSet<>()).add(result.getPart());
        lastFinish.merge(result.getPlanId(), result.getFinishedAtMs(), Math::max);
      }
      return;
    }
    ComputeTask t = tasks.deserializer().deserialize(r.topic(), r.value());
    plans.putIfAbsent(t.getPlanId(), new PlanWindow(t.getPlanId(), t.getWorkspaceId(), t.getWindowFromMs(),
        t.getWindowToMs(), t.getPlannedAtMs(), t.getParts()));
  }

  /** When the plan's last part succeeded (its results visible in ClickHouse); -1 while a part has not. */
  private long finishedAtMs(PlanWindow plan) {
    return doneParts.getOrDefault(plan.planId(), Set.of()).size() >= plan.parts() ? lastFinish.get(plan.planId()) : -1;
  }

  /** Plans whose last part succeeded at or after {@code fromMs}: the only ones that can cover an event sent since. */
  List<Completed> completedSince(long fromMs) {
    List<Completed> out = new ArrayList<>();
    for (PlanWindow p : plans.values()) {
      long done = finishedAtMs(p);
      if (done >= fromMs) {
        out.add(new Completed(p.workspaceId(), p.toMs(), done));
      }
    }
    return out;
  }

  /**
   * The workspaces with a plan over events (a window ending after 0) whose last part succeeded at or after
   * {@code fromMs}. A plan for new definitions before any event is durable has the window (0, 0].
   */
  Set<String> workspacesComputedSince(long fromMs) {
    Set<String> out = new HashSet<>();
    completedSince(fromMs).stream().filter(c -> c.toMs() > 0).forEach(c -> out.add(c.workspaceId()));
    return out;
  }

  @Override
  public void close() {
    tail.close();
  }
}
