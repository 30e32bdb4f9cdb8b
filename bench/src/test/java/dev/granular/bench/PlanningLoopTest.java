package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What P4's two loads plan, so the benchmark measures the plans its labels name. */
class PlanningLoopTest {
  @Test
  void aSmallWorkspacePlansOnePartAndTheWhaleTwentyFive() {
    PlanningLoop small = new PlanningLoop(100, 1_000_000);
    PlanningLoop whale = new PlanningLoop(1_000_000, 1_000_000);
    for (int tick = 0; tick < 3; tick++) {
      assertEquals(1, small.tick(), "tick " + tick);
      assertEquals(25, whale.tick(), "tick " + tick + ": 1M events x 25 properties over T = 1M");
    }
  }
}
