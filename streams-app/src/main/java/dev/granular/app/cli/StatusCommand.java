package dev.granular.app.cli;

import dev.granular.app.topology.PlannerSnapshot;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.status.WorkspaceStatus;
import dev.granular.avro.PlannerState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Per workspace: cursor and lag behind the ingest watermark, the plan in flight with its parts, the last plans.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Mixin
  SharedOptions.WorkspaceFilter workspace;

  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() {
    PlannerSnapshot snapshot = PlannerSnapshot.read(settings.config());
    int shown = 0;
    for (PlannerState s : snapshot.states().values()) {
      if (!workspace.includes(s.getWorkspaceId())) {
        continue;
      }
      shown++;
      ObjectNode line = describe(s);
      if (output.json) {
        JsonOut.print(line);
      } else {
        printText(line);
      }
    }
    if (shown == 0 && !output.json) {
      System.out.println(workspace.workspace == null ? "no workspaces yet" : "no state for workspace " + workspace.workspace);
    }
    return 0;
  }

  public static ObjectNode describe(PlannerState s) {
    return WorkspaceStatus.describe(s);
  }

  private static void printText(ObjectNode s) {
    System.out.printf("%s: cursor %d, lag %d ms behind the ingest watermark, %d events since cursor, %d properties%n",
        s.get("workspace").asText(), s.get("cursorMs").asLong(), s.get("lagMs").asLong(), s.get("eventsSinceCursor").asLong(),
        s.get("properties").asInt());
    if (s.has("inFlight")) {
      var p = s.get("inFlight");
      System.out.printf("  in flight: %s, %d parts%s%n", p.get("planId").asText(), p.get("parts").asInt(),
          p.get("parked").asBoolean() ? " PARKED (send `granular tick --workspace W --retry-parked` once fixed)" : "");
      p.get("partStates").forEach(part -> System.out.printf("    part %d: %s (attempt %d)%s%n", part.get("part").asInt(),
          part.get("status").asText(), part.get("attempt").asInt(),
          part.has("lastError") ? " last error: " + part.get("lastError").asText() : ""));
    }
    s.get("completed").forEach(p -> {
      StringBuilder works = new StringBuilder();
      p.get("partWork").forEach(w -> works.append(works.length() == 0 ? "" : ",").append(w.asLong()));
      System.out.printf("  done: %s window (%d, %d], %d parts, work per part [%s]%n", p.get("planId").asText(),
          p.get("windowFromMs").asLong(), p.get("windowToMs").asLong(), p.get("parts").asInt(), works);
    });
  }
}
