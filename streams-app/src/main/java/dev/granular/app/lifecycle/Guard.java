package dev.granular.app.lifecycle;

import dev.granular.app.topology.StreamsRole;
import java.util.List;

/** What every lifecycle command checks first, and what it tells the operator to do next. */
final class Guard {
  private Guard() {}

  /** Offsets and state may only move while no instance runs: a live member of either group would overwrite them. */
  static void noLiveMembers(Kafka kafka, String application, String command) {
    List<String> live = new java.util.ArrayList<>();
    for (StreamsRole role : StreamsRole.values()) {
      live.addAll(kafka.group(role).liveMembers());
    }
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
