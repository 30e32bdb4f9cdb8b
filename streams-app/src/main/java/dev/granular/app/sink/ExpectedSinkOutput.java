package dev.granular.app.sink;

import dev.granular.avro.AssignmentChange;
import dev.granular.avro.TaskResult;

/** A handler for the one kind of output a branch can hold; any other kind is a routing bug and fails loudly. */
abstract class ExpectedSinkOutput<R> implements SinkOutput.Handler<R> {
  private R misrouted(String kind) {
    throw new IllegalStateException("misrouted compute sink output: " + kind);
  }

  @Override
  public R result(TaskResult result) {
    return misrouted("result");
  }

  @Override
  public R change(AssignmentChange change) {
    return misrouted("change");
  }

  @Override
  public R poison(byte[] original) {
    return misrouted("poison");
  }
}
