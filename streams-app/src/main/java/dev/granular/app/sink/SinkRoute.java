package dev.granular.app.sink;

import dev.granular.avro.AssignmentChange;
import dev.granular.avro.TaskResult;

/** The branch of the sink's split each output takes; the names are the topology's branch names. */
public enum SinkRoute {
  RESULT("result"),
  CHANGE("change"),
  POISON("poison");

  private static final SinkOutput.Handler<SinkRoute> ROUTES = new SinkOutput.Handler<>() {
    @Override
    public SinkRoute result(TaskResult result) {
      return RESULT;
    }

    @Override
    public SinkRoute change(AssignmentChange change) {
      return CHANGE;
    }

    @Override
    public SinkRoute poison(byte[] original) {
      return POISON;
    }
  };

  private final String branch;

  SinkRoute(String branch) {
    this.branch = branch;
  }

  public static SinkRoute of(SinkOutput output) {
    return output.accept(ROUTES);
  }

  /** The split's branch name. */
  public String branch() {
    return branch;
  }

  /** For the split: does this output take this route? */
  public boolean takes(SinkOutput output) {
    return of(output) == this;
  }

  /** The result of an output routed {@link #RESULT}. */
  public static TaskResult result(SinkOutput output) {
    return output.accept(new ExpectedSinkOutput<TaskResult>() {
      @Override
      public TaskResult result(TaskResult result) {
        return result;
      }
    });
  }

  /** The change of an output routed {@link #CHANGE}. */
  public static AssignmentChange change(SinkOutput output) {
    return output.accept(new ExpectedSinkOutput<AssignmentChange>() {
      @Override
      public AssignmentChange change(AssignmentChange change) {
        return change;
      }
    });
  }

  /** The original bytes of an output routed {@link #POISON}. */
  public static byte[] poison(SinkOutput output) {
    return output.accept(new ExpectedSinkOutput<byte[]>() {
      @Override
      public byte[] poison(byte[] original) {
        return original;
      }
    });
  }
}
