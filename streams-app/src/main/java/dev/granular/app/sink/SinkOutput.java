package dev.granular.app.sink;

import dev.granular.avro.AssignmentChange;
import dev.granular.avro.TaskResult;

/** What the compute sink sends on: a task's result, an assignment change, or an undecodable task. */
public sealed interface SinkOutput {
  record Result(TaskResult result) implements SinkOutput {}

  record Change(AssignmentChange change) implements SinkOutput {}

  record Poison(byte[] original) implements SinkOutput {}
}
