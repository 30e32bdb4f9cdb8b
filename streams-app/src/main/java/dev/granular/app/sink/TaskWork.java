package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;

/** Runs one compute task's ClickHouse work; returns only once ClickHouse acknowledged it, or throws. */
@FunctionalInterface
public interface TaskWork {
  /** @param workspace the compiled definitions, or null when the workspace has none now (nothing to compute) */
  Outcome run(ComputeTask task, CompiledWorkspace workspace);

  /** Rows written, when the reads and writes started, and the real assignment changes. */
  record Outcome(long rowsTouched, long readStartMs, long writeStartMs, ChangeRecords changes) {}
}
