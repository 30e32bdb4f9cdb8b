package dev.granular.app.cli;

import dev.granular.app.topology.PlannerSnapshot;
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
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "What the planner would do for a workspace if it ticked now, and why.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand
  GranularCli parent;

  @Option(names = "--workspace", required = true)
  String workspace;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() {
    AppConfig config = parent.config();
    PlannerSnapshot snapshot = PlannerSnapshot.read(config);
    PlannerState state = snapshot.states().getOrDefault(workspace, Planner.fresh(workspace));
    var stored = snapshot.definitions().get(workspace);
    WorkspaceView view = stored == null ? WorkspaceView.EMPTY : CompiledWorkspace.of(stored).view();
    long now = System.currentTimeMillis();
    PlanFactory.Proposal p = new Planner(PlannerSettings.from(config.planner())).explain(state, now, view, now);
    ObjectNode out = JsonOut.object().put("workspace", workspace).put("now", Instant.ofEpochMilli(now).toString())
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
            .put("windowToMs", t.getWindowToMs()).put("properties", t.getPropertyIds().isEmpty() ? "all" : String.join(",", t.getPropertyIds()))
            .put("estimatedWork", t.getEstimatedWork());
      }
    }
    if (json) {
      JsonOut.print(out);
      return 0;
    }
    System.out.printf("workspace %s at %s%n", workspace, out.get("now").asText());
    System.out.printf("  cursor %d, ingest watermark %d%s%n", state.getCursorMs(), state.getWatermarkMs(),
        state.getInFlight() == null ? "" : ", plan in flight: " + state.getInFlight().getPlanId() + " (a tick now would coalesce)");
    System.out.printf("  window (%d, %d]: %d events x %d properties = work %d, threshold %d%n", p.windowFromMs(), p.windowToMs(),
        p.events(), view.propertyIds().size(), p.work(), p.threshold());
    System.out.println("  decision: " + p.reason());
    parts.forEach(part -> System.out.printf("    part %d on %s: users %s, window (%d, %d], properties %s, estimated work %d%n",
        part.get("part").asInt(), part.get("topic").asText(), part.get("userBucket").asText(), part.get("windowFromMs").asLong(),
        part.get("windowToMs").asLong(), part.get("properties").asText(), part.get("estimatedWork").asLong()));
    return 0;
  }
}
