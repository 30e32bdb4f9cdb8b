package dev.granular.app.cli;

import dev.granular.app.topology.PlannerSnapshot;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.config.AppConfig;
import dev.granular.app.planner.Planner;
import dev.granular.app.status.Explanation;
import dev.granular.avro.PlannerState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "What the planner would do for a workspace if it ticked now, and why.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Mixin
  SharedOptions.Workspace target;

  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() {
    AppConfig config = settings.config();
    String workspace = target.workspace;
    PlannerSnapshot snapshot = PlannerSnapshot.read(config);
    PlannerState state = snapshot.states().getOrDefault(workspace, Planner.fresh(workspace));
    long now = System.currentTimeMillis();
    ObjectNode out = Explanation.of(config.planner(), workspace, state, snapshot.definitions().get(workspace), now);
    ArrayNode parts = (ArrayNode) out.get("parts");
    if (output.json) {
      JsonOut.print(out);
      return 0;
    }
    System.out.printf("workspace %s at %s%n", workspace, out.get("now").asText());
    System.out.printf("  cursor %d, ingest watermark %d%s%n", state.getCursorMs(), state.getWatermarkMs(),
        state.getInFlight() == null ? "" : ", plan in flight: " + state.getInFlight().getPlanId() + " (a tick now would coalesce)");
    System.out.printf("  window (%d, %d]: %d events x %d properties = work %d, threshold %d%n", out.get("windowFromMs").asLong(),
        out.get("windowToMs").asLong(), out.get("events").asLong(), out.get("properties").asInt(), out.get("work").asLong(),
        out.get("threshold").asLong());
    System.out.println("  decision: " + out.get("decision").asText());
    parts.forEach(part -> System.out.printf("    part %d on %s: users %s, window (%d, %d], properties %s, estimated work %d%n",
        part.get("part").asInt(), part.get("topic").asText(), part.get("userBucket").asText(), part.get("windowFromMs").asLong(),
        part.get("windowToMs").asLong(), part.get("properties").asText(), part.get("estimatedWork").asLong()));
    return 0;
  }
}
