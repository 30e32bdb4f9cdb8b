package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import java.util.List;
import java.util.function.LongSupplier;

/** One attempt of a compute task, and the result record it reports whether it succeeded, failed or could not start. */
final class TaskAttempt {
  private TaskAttempt() {}

  /** Runs the task's work on the calling worker; a thrown failure becomes a failed result, never an escape. */
  static TaskSlots.Finished run(ComputeTask task, CompiledWorkspace workspace, TaskWork work, SinkMetrics metrics,
      int partition, LongSupplier clock) {
    int concurrent = metrics.started(partition);
    long start = clock.getAsLong();
    TaskResult.Builder result = started(task, concurrent, start);
    ChangeRecords changes = ChangeRecords.none();
    boolean success = false;
    try {
      TaskWork.Outcome outcome = work.run(task, workspace);
      changes = outcome.changes();
      succeeded(result, outcome);
      success = true;
    } catch (RuntimeException | Error e) {
      result.setSuccess(false).setReason(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      metrics.finished(partition, task.getPriority(), success);
    }
    return new TaskSlots.Finished(result.setFinishedAtMs(clock.getAsLong()).build(), changes);
  }

  /**
   * Runs the jobs as one batch on the calling worker, each reported as its own attempt. Should the batch fail, each
   * job runs again alone, so that one workspace's failure (a poison definition, a statement over its limit) fails
   * only its own task: every ClickHouse write is safe to repeat, and the batch's changes were released unsent.
   */
  static List<TaskSlots.Finished> runBatch(List<TaskWork.Job> jobs, TaskWork work, SinkMetrics metrics, int partition,
      LongSupplier clock) {
    if (jobs.size() == 1) {
      return List.of(run(jobs.get(0).task(), jobs.get(0).workspace(), work, metrics, partition, clock));
    }
    long start = clock.getAsLong();
    int concurrent = metrics.started(partition); // a batch's statements run one at a time: one in flight
    List<TaskWork.Outcome> outcomes;
    try {
      outcomes = work.runBatch(jobs);
    } catch (RuntimeException | Error e) {
      metrics.batchEnded(partition, jobs.size(), false);
      return jobs.stream().map(j -> run(j.task(), j.workspace(), work, metrics, partition, clock)).toList();
    }
    metrics.batchEnded(partition, jobs.size(), true);
    List<TaskSlots.Finished> finished = new java.util.ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      ComputeTask task = jobs.get(i).task();
      TaskWork.Outcome outcome = outcomes.get(i);
      metrics.attempted(task.getPriority(), true);
      TaskResult result = succeeded(started(task, concurrent, start), outcome).setFinishedAtMs(clock.getAsLong()).build();
      finished.add(new TaskSlots.Finished(result, outcome.changes()));
    }
    return finished;
  }

  /** The failed result of an attempt that could not start, e.g. when the workspace does not compile. */
  static TaskSlots.Finished refused(ComputeTask task, String reason, long now) {
    return new TaskSlots.Finished(base(task).setSuccess(false).setReason(reason).setReadStartMs(now).setFinishedAtMs(now).build(),
        ChangeRecords.none());
  }

  /** An attempt's result as it starts: how many ran at once and how long the task waited. */
  private static TaskResult.Builder started(ComputeTask task, int concurrent, long start) {
    return base(task).setInFlightAtStart(concurrent).setQueueWaitMs(Math.max(0, start - task.getPlannedAtMs()))
        .setReadStartMs(start);
  }

  private static TaskResult.Builder succeeded(TaskResult.Builder result, TaskWork.Outcome outcome) {
    return result.setSuccess(true).setRowsTouched(outcome.rowsTouched()).setChanges(outcome.changes().count())
        .setReadStartMs(outcome.readStartMs()).setWriteStartMs(outcome.writeStartMs());
  }

  private static TaskResult.Builder base(ComputeTask task) {
    return TaskResult.newBuilder().setPlanId(task.getPlanId()).setWorkspaceId(task.getWorkspaceId()).setPart(task.getPart())
        .setStage(task.getStage()).setAttempt(task.getAttempt()).setEstimatedWork(task.getEstimatedWork());
  }
}
