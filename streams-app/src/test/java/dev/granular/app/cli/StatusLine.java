package dev.granular.app.cli;

import dev.granular.avro.PlannerState;

/** A workspace's planner state as the one-line JSON `granular status --json` prints. */
public final class StatusLine {
  private StatusLine() {}

  public static String of(PlannerState state) {
    return StatusCommand.describe(state).toString();
  }
}
