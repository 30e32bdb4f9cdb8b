package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import java.util.List;

/** Runs one compute task's ClickHouse work; returns only once ClickHouse acknowledged it, or throws. */
@FunctionalInterface
public interface TaskWork {
  /** @param workspace the compiled definitions, or null when the workspace has none now (nothing to compute) */
  Outcome run(ComputeTask task, CompiledWorkspace workspace);

  /** Whether the task may run in a {@link #runBatch batch} with others of distinct workspaces; none by default. */
  default boolean batchable(ComputeTask task, CompiledWorkspace workspace) {
    return false;
  }

  /**
   * Runs batchable tasks of distinct workspaces together, each with the outcome it would have alone, in their order;
   * throws if any part fails, after releasing every outcome it made (the caller then runs each alone).
   */
  default List<Outcome> runBatch(List<Job> jobs) {
    throw new UnsupportedOperationException("this work runs tasks one at a time");
  }

  /** A task and its compiled definitions. */
  record Job(ComputeTask task, CompiledWorkspace workspace) {}

  /** Rows written, when the reads and writes started, and the real assignment changes. */
  record Outcome(long rowsTouched, long readStartMs, long writeStartMs, ChangeRecords changes) {}
}
