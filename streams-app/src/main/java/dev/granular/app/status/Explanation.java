package dev.granular.app.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.config.AppConfig;
import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.app.planner.PlanFactory;
import dev.granular.app.planner.Planner;
import dev.granular.app.planner.PlannerSettings;
import dev.granular.app.definitions.WorkspaceView;
import dev.granular.avro.PartState;
import dev.granular.avro.PlannerState;
import dev.granular.avro.WorkspaceDefinitions;
import java.time.Instant;

/** What a tick would do now for one workspace, and why: `granular explain` and the HTTP API share it. */
public final class Explanation {
  private Explanation() {}

  /**
   * @param stored the workspace's definitions, or null when it has none
   * @param nowMs the time the tick would carry (also the wall clock)
   */
  public static ObjectNode of(AppConfig.PlannerSettings settings, String workspace, PlannerState state, WorkspaceDefinitions stored,
      long nowMs) {
    WorkspaceView view = stored == null ? WorkspaceView.EMPTY : CompiledWorkspace.of(stored).view();
    // One lane: lanes only matter when parts are sent, and explain sends nothing.
    PlanFactory.Proposal p = new Planner(PlannerSettings.from(settings, 1)).explain(state, nowMs, view, nowMs);
    ObjectNode out = WorkspaceStatus.JSON.createObjectNode().put("workspace", workspace).put("now", Instant.ofEpochMilli(nowMs).toString())
        .put("cursorMs", state.getCursorMs()).put("watermarkMs", state.getWatermarkMs())
        .put("windowFromMs", p.windowFromMs()).put("windowToMs", p.windowToMs()).put("events", p.events())
        .put("properties", view.propertyIds().size()).put("leaves", view.leaves()).put("work", p.work())
        .put("threshold", p.threshold()).put("decision", p.reason())
        .put("inFlight", state.getInFlight() == null ? null : state.getInFlight().getPlanId());
    ArrayNode parts = out.putArray("parts");
    if (p.plan() != null) {
      for (PartState part : p.plan().getParts()) {
        var t = part.getTask();
        parts.addObject().put("part", t.getPart()).put("topic", t.getPriority() ? "priority" : "normal")
            .put("userBucket", t.getUserBucket() + "/" + t.getUserBuckets()).put("windowFromMs", t.getWindowFromMs())
            .put("windowToMs", t.getWindowToMs())
            .put("properties", t.getPropertyIds().isEmpty() ? "all" : String.join(",", t.getPropertyIds()))
            .put("estimatedWork", t.getEstimatedWork());
      }
    }
    return out;
  }
}
