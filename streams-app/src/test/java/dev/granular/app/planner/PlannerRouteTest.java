package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceTick;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerRouteTest {
  private final ComputeTask priority = task(true);
  private final ComputeTask normal = task(false);

  @Test
  void everyOutputHasItsRouteAndPayload() {
    assertEquals(PlannerRoute.PRIORITY, PlannerRoute.of(new PlannerOutput.Task(priority)));
    assertEquals(PlannerRoute.NORMAL, PlannerRoute.of(new PlannerOutput.Task(normal)));
    WorkspaceTick tick = new WorkspaceTick("w", 5L, "scheduler", null);
    assertEquals(PlannerRoute.TICK, PlannerRoute.of(new PlannerOutput.Tick(tick)));
    assertSame(tick, PlannerRoute.tick(new PlannerOutput.Tick(tick)));
    PlannerOutput.Parked parked = new PlannerOutput.Parked(normal, "five failures");
    assertEquals(PlannerRoute.PARKED, PlannerRoute.of(parked));
    assertSame(parked, PlannerRoute.parked(parked));
    var rejected = new PlannerOutput.RejectedDefinition("w", "p", "{}", "cycle");
    assertEquals(PlannerRoute.REJECTED_DEFINITION, PlannerRoute.of(rejected));
    assertSame(rejected, PlannerRoute.rejectedDefinition(rejected));
    assertSame(priority, PlannerRoute.task(new PlannerOutput.Task(priority)));
  }

  @Test
  void aPayloadOfAnotherKindIsAMisrouteNotACast() {
    var tick = new PlannerOutput.Tick(new WorkspaceTick("w", 5L, "scheduler", null));
    assertThrows(IllegalStateException.class, () -> PlannerRoute.task(tick));
    assertThrows(IllegalStateException.class, () -> PlannerRoute.parked(new PlannerOutput.Task(normal)));
  }

  private static ComputeTask task(boolean priority) {
    return new ComputeTask("plan", "w", 0, 1, 0, 0L, 1_000L, 1_000L, 0, 1, List.of(), 1L, 1_000L, 0L, 10L, 1, priority, -1);
  }
}
