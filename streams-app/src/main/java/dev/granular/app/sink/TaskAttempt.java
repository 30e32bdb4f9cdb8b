package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import java.util.function.LongSupplier;

/** One attempt of a compute task, and the result record it reports whether it succeeded, failed or could not start. */
final class TaskAttempt {
  private TaskAttempt() {}

  /** Runs the task's work on the calling worker; a thrown failure becomes a failed result, never an escape. */
  static TaskSlots.Finished run(ComputeTask task, CompiledWorkspace workspace, TaskWork work, SinkMetrics metrics,
      int partition, LongSupplier clock) {
    int concurrent = metrics.started(partition);
    long start = clock.getAsLong();
    TaskResult.Builder result = base(task).setInFlightAtStart(concurrent)
        .setQueueWaitMs(Math.max(0, start - task.getPlannedAtMs())).setReadStartMs(start);
    ChangeRecords changes = ChangeRecords.none();
    boolean success = false;
    try {
      TaskWork.Outcome outcome = work.run(task, workspace);
      changes = outcome.changes();
      result.setSuccess(true).setRowsTouched(outcome.rowsTouched()).setChanges(changes.count())
          .setReadStartMs(outcome.readStartMs()).setWriteStartMs(outcome.writeStartMs());
      success = true;
    } catch (RuntimeException | Error e) {
      result.setSuccess(false).setReason(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      metrics.finished(partition, task.getPriority(), success);
    }
    return new TaskSlots.Finished(result.setFinishedAtMs(clock.getAsLong()).build(), changes);
  }

  /** The failed result of an attempt that could not start, e.g. when the workspace does not compile. */
  static TaskSlots.Finished refused(ComputeTask task, String reason, long now) {
    return new TaskSlots.Finished(base(task).setSuccess(false).setReason(reason).setReadStartMs(now).setFinishedAtMs(now).build(),
        ChangeRecords.none());
  }

  private static TaskResult.Builder base(ComputeTask task) {
    return TaskResult.newBuilder().setPlanId(task.getPlanId()).setWorkspaceId(task.getWorkspaceId()).setPart(task.getPart())
        .setStage(task.getStage()).setAttempt(task.getAttempt()).setEstimatedWork(task.getEstimatedWork());
  }
}
