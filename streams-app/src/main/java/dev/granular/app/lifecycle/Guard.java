package dev.granular.app.lifecycle;

import java.util.List;

/** What every lifecycle command checks first, and what it tells the operator to do next. */
final class Guard {
  private Guard() {}

  /** Offsets and state may only move while no instance runs: a live member would overwrite them. */
  static void noLiveMembers(ConsumerGroup group, String application, String command) {
    List<String> live = group.liveMembers();
    if (!live.isEmpty()) {
      throw new LifecycleException("refusing to " + command + ": application " + application + " has " + live.size()
          + " live member(s) " + live + ". Stop every instance of it (every `granular run` with application id "
          + application + ", on every host), wait until they left the group, then run this again. Nothing was changed.");
    }
  }

  static List<String> nextSteps(String application) {
    return List.of(
        "on every other host that runs application " + application + ": `granular clean-state` (with that host's config) before starting it",
        "start the instances again: `granular run`",
        "follow the recompute: `granular status` (or GET /api/status)");
  }
}
