package dev.granular.app.planner;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceTick;

/** What the planner sends on: tasks (normal or priority), scheduler ticks, and parked parts for the dead letters. */
public sealed interface PlannerOutput {
  record Task(ComputeTask task) implements PlannerOutput {}

  record Tick(WorkspaceTick tick) implements PlannerOutput {}

  record Parked(ComputeTask task, String reason) implements PlannerOutput {}

  /** A definition that was valid alone but breaks its workspace's compile; the workspace keeps the rest. */
  record RejectedDefinition(String workspaceId, String propertyId, String definitionJson, String reason) implements PlannerOutput {}
}
