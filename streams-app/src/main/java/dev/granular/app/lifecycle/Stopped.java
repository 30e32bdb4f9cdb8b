package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;

/** For commands outside the lifecycle ones that also need every instance stopped (a migration that rebuilds tables). */
public final class Stopped {
  private Stopped() {}

  /** Throws a {@link LifecycleException} naming the live members, and what to do, unless the group is empty. */
  public static void require(AppConfig config, String command) {
    try (Kafka kafka = new Kafka(config)) {
      Guard.noLiveMembers(kafka.group(), config.kafka().applicationId(), command);
    }
  }
}
