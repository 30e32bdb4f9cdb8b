package dev.granular.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.ingest.RejectReason;
import dev.granular.app.metrics.GranularMetrics;
import dev.granular.app.status.WorkspaceStatus;
import dev.granular.avro.PartState;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import io.micrometer.core.instrument.Gauge;
import java.util.List;

/**
 * One instance's operational picture: parts of in-flight plans by topic (priority/normal) and status, the
 * compute statements its sink runs now, parked plans, and dead letters by reason. Every number is additive,
 * so the cluster's overview is the instances' overviews summed ({@link JsonSum}).
 */
final class Overview {
  private Overview() {}

  static ObjectNode local(List<PlannerState> states, GranularMetrics metrics) {
    ObjectNode out = Reply.object();
    ObjectNode queue = out.putObject("queue");
    for (String topic : new String[] {"priority", "normal"}) {
      queue.putObject(topic).put("WAITING", 0).put("QUEUED", 0).put("RETRYING", 0);
    }
    ArrayNode parked = out.putArray("parked");
    for (PlannerState s : states) {
      Plan plan = s.getInFlight();
      if (plan == null) {
        continue;
      }
      if (plan.getParked()) {
        parked.add(parkedPlan(s.getWorkspaceId(), plan));
        continue;
      }
      for (PartState part : plan.getParts()) {
        ObjectNode byStatus = (ObjectNode) queue.get(part.getTask().getPriority() ? "priority" : "normal");
        String status = WorkspaceStatus.status(part);
        if (byStatus.has(status)) { // DONE parts are no longer queued
          byStatus.put(status, byStatus.get(status).asLong() + 1);
        }
      }
    }
    double running = metrics.registry().find("granular.sink.in_flight").gauges().stream().mapToDouble(Gauge::value).sum();
    out.put("sinkStatementsRunning", (long) running);
    ObjectNode deadLetters = out.putObject("deadLetters");
    for (RejectReason reason : RejectReason.values()) {
      deadLetters.put(reason.code(), (long) metrics.ingest().rejectedCount(reason));
    }
    return out;
  }

  private static ObjectNode parkedPlan(String workspace, Plan plan) {
    ObjectNode o = Reply.object().put("workspace", workspace).put("planId", plan.getPlanId()).put("parts", plan.getParts().size());
    long parkedParts = plan.getParts().stream().filter(p -> p.getStatus() == dev.granular.avro.PartStatus.PARKED).count();
    o.put("parkedParts", parkedParts);
    plan.getParts().stream().filter(p -> p.getLastError() != null).findFirst().ifPresent(p -> o.put("lastError", p.getLastError()));
    return o;
  }
}
