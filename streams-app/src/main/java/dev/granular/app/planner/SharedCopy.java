package dev.granular.app.planner;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * When the planner publishes a workspace's stored definitions to the topic every instance's global copy reads:
 * only as a part of one of its plans is sent to a lane (so may run on another partition's sink), and only if this
 * processor has not published that same value yet. Publishing on every change instead put a full copy of the
 * workspace on the topic per definition received: 2.8 GB for 110,000 definitions, read by every instance's
 * global thread, and a second in-memory copy of every workspace (P6 at the full size ran out of heap).
 * Kept per processor lifetime, so a restarted or revived task publishes again once, which is harmless.
 */
final class SharedCopy {
  private final Map<String, CompiledWorkspace.Stamp> published = new HashMap<>();

  /** The value to publish before {@code tasks} are sent, or null when no part leaves or it was published. */
  WorkspaceDefinitions toPublish(String workspace, List<ComputeTask> tasks, Function<String, WorkspaceDefinitions> stored) {
    if (tasks.stream().noneMatch(t -> t.getLane() >= 0)) {
      return null;
    }
    WorkspaceDefinitions value = stored.apply(workspace);
    if (value == null) {
      return null; // parts of a workspace without definitions compute nothing from them
    }
    CompiledWorkspace.Stamp stamp = CompiledWorkspace.Stamp.of(value);
    return stamp.equals(published.put(workspace, stamp)) ? null : value;
  }
}
