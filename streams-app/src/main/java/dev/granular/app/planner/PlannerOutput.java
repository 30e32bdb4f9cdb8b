package dev.granular.app.planner;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.avro.WorkspaceTick;

/**
 * What the planner sends on: tasks (normal or priority), scheduler ticks, parked parts for the dead letters,
 * definitions that break their workspace, and the stored definitions for the sinks of other partitions. Routed
 * with a visitor ({@link PlannerRoute}), so a new kind does not compile until it has a route.
 */
public sealed interface PlannerOutput {
  <R> R accept(Handler<R> handler);

  /** One method per kind of output. */
  interface Handler<R> {
    R task(Task task);

    R tick(Tick tick);

    R parked(Parked parked);

    R rejectedDefinition(RejectedDefinition rejected);

    R definitions(Definitions definitions);
  }

  record Task(ComputeTask task) implements PlannerOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.task(this);
    }
  }

  record Tick(WorkspaceTick tick) implements PlannerOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.tick(this);
    }
  }

  record Parked(ComputeTask task, String reason) implements PlannerOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.parked(this);
    }
  }

  /** The workspace's definitions as the planner just stored them, for every instance's global copy. */
  record Definitions(WorkspaceDefinitions stored) implements PlannerOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.definitions(this);
    }
  }

  /** A definition that was valid alone but breaks its workspace's compile; the workspace keeps the rest. */
  record RejectedDefinition(String workspaceId, String propertyId, String definitionJson, String reason) implements PlannerOutput {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.rejectedDefinition(this);
    }
  }
}
