package dev.granular.bench;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.Plan;
import dev.granular.avro.TaskResult;
import dev.granular.app.support.FailureCause;
import dev.granular.avro.PartStatus;
import dev.granular.avro.PlannerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** Turns what a P1 run left on its topics into lags and counts; pure, so it is tested without services. */
final class FairnessAnalysis {
  /** A measured window: the tick sent to every workspace, and until when the run watched for its plans. */
  record Window(int round, long tickAtMs, long observedUntilMs) {}

  /** Lags of the small workspaces and of the whale (empty without one). */
  record Lags(List<Freshness.Lag> small, List<Freshness.Lag> whale) {}

  /** A plan parked in the end: the attempts its parked part had, and its last error. */
  record Parked(int attempts, String reason) {}

  private FairnessAnalysis() {}

  static Lags lags(List<Window> windows, Map<String, List<Plan>> completed, List<String> workspaces, String whaleId) {
    List<Freshness.Lag> small = new ArrayList<>();
    List<Freshness.Lag> whale = new ArrayList<>();
    for (String w : workspaces) {
      List<Freshness.Completion> done = completed.getOrDefault(w, List.of()).stream()
          .map(p -> new Freshness.Completion(p.getTickAtMs(), RunRecords.completedAtMs(p))).toList();
      for (Window window : windows) {
        Freshness.Lag lag = Freshness.lag(w, window.tickAtMs(), done, window.observedUntilMs());
        (w.equals(whaleId) ? whale : small).add(lag);
      }
    }
    return new Lags(small, whale);
  }

  static long failed(List<TaskResult> results) {
    return results.stream().filter(r -> !r.getSuccess()).count();
  }

  /** Failed attempts whose reason the app's own {@link FailureCause} classifies as {@code cause}. */
  static long failedBy(List<TaskResult> results, FailureCause cause) {
    return failedWhere(results, reason -> FailureCause.ofReason(reason) == cause);
  }

  private static long failedWhere(List<TaskResult> results, Predicate<String> reason) {
    return results.stream().filter(r -> !r.getSuccess() && r.getReason() != null && reason.test(r.getReason())).count();
  }

  /**
   * Failures whose ClickHouse error the client could not read: 18.16 sends no X-ClickHouse-Exception-Code header,
   * so client-v2 reports its server errors as code 0, "unreadable". Any of them could be a timeout.
   */
  static long unreadable(List<TaskResult> results) {
    return failedWhere(results, reason -> reason.contains("Unreadable error message"));
  }

  /** Empty unless the workspace's plan in flight is parked: its parked part's attempts and last error. */
  static Optional<Parked> parked(PlannerState latest) {
    if (latest == null || latest.getInFlight() == null || !latest.getInFlight().getParked()) {
      return Optional.empty();
    }
    return latest.getInFlight().getParts().stream().filter(p -> p.getStatus() == PartStatus.PARKED)
        .max(Comparator.comparingInt(p -> p.getTask().getAttempt()))
        .map(p -> new Parked(p.getTask().getAttempt(), String.valueOf(p.getLastError())));
  }

  /** Tasks sent again after a failed attempt. */
  static long retried(List<ComputeTask> tasks) {
    return tasks.stream().filter(t -> t.getAttempt() > 1).count();
  }

  /** Empty when no task was sent: there is no largest task to judge. */
  static OptionalLong maxWork(List<ComputeTask> tasks) {
    return tasks.stream().mapToLong(ComputeTask::getEstimatedWork).max();
  }

  static int maxParts(List<ComputeTask> tasks) {
    return tasks.stream().mapToInt(ComputeTask::getParts).max().orElse(0);
  }

  /**
   * Where a task's time went: waiting (from its plan until its read starts, so a part sent after earlier parts
   * counts that wait too) and running (read start to finish), for the small workspaces' tasks and the whale's.
   * It tells a queueing lag from a slow-statement lag.
   */
  static String taskTimes(List<TaskResult> results, String whaleId) {
    StringBuilder out = new StringBuilder("task times (ms, p50 / p99 / max):");
    for (boolean whale : whaleId == null ? List.of(false) : List.of(false, true)) {
      List<Long> waits = new ArrayList<>();
      List<Long> runs = new ArrayList<>();
      for (TaskResult r : results) {
        if (r.getSuccess() && r.getWorkspaceId().equals(whaleId) == whale) {
          waits.add(r.getQueueWaitMs());
          runs.add(r.getFinishedAtMs() - r.getReadStartMs());
        }
      }
      if (waits.isEmpty()) {
        continue;
      }
      out.append(String.format(Locale.ROOT, " %s %d tasks: planned to start %s, run %s;", whale ? "whale" : "small",
          waits.size(), spread(waits), spread(runs)));
    }
    return out.toString();
  }

  private static String spread(List<Long> values) {
    return String.format(Locale.ROOT, "%,d / %,d / %,d", Percentiles.median(values), Percentiles.of(values, 0.99),
        values.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  /** The first few distinct failure reasons, shortened, for the notes. */
  static List<String> failureReasons(List<TaskResult> results) {
    return results.stream().filter(r -> !r.getSuccess()).map(r -> String.valueOf(r.getReason()))
        .map(s -> s.length() > 160 ? s.substring(0, 160) + "…" : s).distinct().limit(3)
        .map(s -> String.format(Locale.ROOT, "failure: %s", s)).toList();
  }
}
