package dev.granular.app.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.planner.Planner;
import dev.granular.avro.PartState;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;

/**
 * A workspace's planner state as JSON: cursor, watermark, lag, properties, the plan in flight with its parts
 * and the last plans. One shape for `granular status --json` and the HTTP API, so they never drift apart.
 */
public final class WorkspaceStatus {
  public static final ObjectMapper JSON = new ObjectMapper();

  private WorkspaceStatus() {}

  public static ObjectNode describe(PlannerState s) {
    ObjectNode line = JSON.createObjectNode().put("workspace", s.getWorkspaceId()).put("cursorMs", s.getCursorMs())
        .put("watermarkMs", s.getWatermarkMs()).put("durableMaxMs", s.getDurableMaxMs()).put("lagMs", Math.max(0, s.getWatermarkMs() - s.getCursorMs()))
        .put("eventsSinceCursor", Math.max(0, s.getEventsTotal() - s.getEventsTotalAtCursor()))
        .put("properties", s.getProperties()).put("leaves", s.getLeaves())
        .put("definitionsVersion", s.getDefinitionsVersion()).put("computedVersion", s.getComputedVersion());
    if (s.getPendingRewindMs() != null) {
      line.put("pendingRewindMs", s.getPendingRewindMs()); // a backfill's rewind waiting for the plan in flight
    }
    if (s.getInFlight() != null) {
      line.set("inFlight", plan(s.getInFlight()));
    }
    ArrayNode done = line.putArray("completed");
    s.getCompleted().forEach(p -> done.add(plan(p)));
    return line;
  }

  public static ObjectNode plan(Plan p) {
    ObjectNode out = JSON.createObjectNode().put("planId", p.getPlanId()).put("windowFromMs", p.getWindowFromMs())
        .put("windowToMs", p.getWindowToMs()).put("events", p.getEvents()).put("work", p.getWork())
        .put("split", p.getSplit()).put("parked", p.getParked())
        .put("parts", p.getParts().isEmpty() ? p.getPartWork().size() : p.getParts().size());
    if (p.getFinishedAtMs() > 0) {
      out.put("finishedAtMs", p.getFinishedAtMs());
    }
    // A completed plan keeps only each part's estimated work (see Planner#summarize).
    ArrayNode work = out.putArray("partWork");
    p.getPartWork().forEach(work::add);
    ArrayNode parts = out.putArray("partStates");
    for (PartState part : p.getParts()) {
      ObjectNode o = parts.addObject().put("part", part.getTask().getPart()).put("status", status(part))
          .put("priority", part.getTask().getPriority())
          .put("attempt", part.getTask().getAttempt()).put("estimatedWork", part.getTask().getEstimatedWork());
      if (part.getLastError() != null) {
        o.put("lastError", part.getLastError());
      }
      if (part.getOutcome() != null) {
        o.put("rowsTouched", part.getOutcome().getRowsTouched()).put("queueWaitMs", part.getOutcome().getQueueWaitMs())
            .put("runMs", part.getOutcome().getFinishedAtMs() - part.getOutcome().getReadStartMs());
      }
    }
    return out;
  }

  /** WAITING: planned, not yet sent to the sink; otherwise the part's own status. */
  public static String status(PartState part) {
    return Planner.waiting(part) ? "WAITING" : part.getStatus().name();
  }
}
