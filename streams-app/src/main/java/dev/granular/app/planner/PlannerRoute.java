package dev.granular.app.planner;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.avro.WorkspaceTick;

/** The branch of the planner's split each output takes; the names are the topology's branch names. */
public enum PlannerRoute {
  PRIORITY("priority"),
  NORMAL("normal"),
  TICK("tick"),
  REJECTED_DEFINITION("rejected-definition"),
  PARKED("parked"),
  DEFINITIONS("definitions");

  private static final PlannerOutput.Handler<PlannerRoute> ROUTES = new PlannerOutput.Handler<>() {
    @Override
    public PlannerRoute task(PlannerOutput.Task task) {
      return task.task().getPriority() ? PRIORITY : NORMAL;
    }

    @Override
    public PlannerRoute tick(PlannerOutput.Tick tick) {
      return TICK;
    }

    @Override
    public PlannerRoute parked(PlannerOutput.Parked parked) {
      return PARKED;
    }

    @Override
    public PlannerRoute rejectedDefinition(PlannerOutput.RejectedDefinition rejected) {
      return REJECTED_DEFINITION;
    }

    @Override
    public PlannerRoute definitions(PlannerOutput.Definitions definitions) {
      return DEFINITIONS;
    }
  };

  private final String branch;

  PlannerRoute(String branch) {
    this.branch = branch;
  }

  public static PlannerRoute of(PlannerOutput output) {
    return output.accept(ROUTES);
  }

  /** The split's branch name. */
  public String branch() {
    return branch;
  }

  /** For the split: does this output take this route? */
  public boolean takes(PlannerOutput output) {
    return of(output) == this;
  }

  /** The task of an output routed {@link #PRIORITY} or {@link #NORMAL}. */
  public static ComputeTask task(PlannerOutput output) {
    return output.accept(new ExpectedOutput<ComputeTask>() {
      @Override
      public ComputeTask task(PlannerOutput.Task task) {
        return task.task();
      }
    });
  }

  /** The stored definitions of an output routed {@link #DEFINITIONS}. */
  public static WorkspaceDefinitions definitions(PlannerOutput output) {
    return output.accept(new ExpectedOutput<WorkspaceDefinitions>() {
      @Override
      public WorkspaceDefinitions definitions(PlannerOutput.Definitions definitions) {
        return definitions.stored();
      }
    });
  }

  /** The tick of an output routed {@link #TICK}. */
  public static WorkspaceTick tick(PlannerOutput output) {
    return output.accept(new ExpectedOutput<WorkspaceTick>() {
      @Override
      public WorkspaceTick tick(PlannerOutput.Tick tick) {
        return tick.tick();
      }
    });
  }

  /** The parked part of an output routed {@link #PARKED}. */
  public static PlannerOutput.Parked parked(PlannerOutput output) {
    return output.accept(new ExpectedOutput<PlannerOutput.Parked>() {
      @Override
      public PlannerOutput.Parked parked(PlannerOutput.Parked parked) {
        return parked;
      }
    });
  }

  /** The rejected definition of an output routed {@link #REJECTED_DEFINITION}. */
  public static PlannerOutput.RejectedDefinition rejectedDefinition(PlannerOutput output) {
    return output.accept(new ExpectedOutput<PlannerOutput.RejectedDefinition>() {
      @Override
      public PlannerOutput.RejectedDefinition rejectedDefinition(PlannerOutput.RejectedDefinition rejected) {
        return rejected;
      }
    });
  }
}
