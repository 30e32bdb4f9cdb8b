package dev.granular.app.sink;

import dev.granular.avro.AssignmentChange;
import dev.granular.avro.TaskResult;

/**
 * What the compute sink sends on: a task's result, an assignment change, or an undecodable task. Routed with
 * a visitor ({@link SinkRoute}), so a new kind does not compile until it has a route.
 */
public sealed interface SinkOutput {
  <R> R accept(Handler<R> handler);

  /** One method per kind of output. */
  interface Handler<R> {
    R result(TaskResult result);

    R change(AssignmentChange change);

    R poison(byte[] original);
  }

  record Result(TaskResult result) implements SinkOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.result(result);
    }
  }

  record Change(AssignmentChange change) implements SinkOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.change(change);
    }
  }

  record Poison(byte[] original) implements SinkOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.poison(original);
    }
  }
}
