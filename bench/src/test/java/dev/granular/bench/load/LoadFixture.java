package dev.granular.bench.load;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A mid-sized load with rates high enough to measure, materialised once: tests read it, never change it. */
final class LoadFixture {
  static final int SMALL = 8;
  static final long EVENTS = 6_000;
  static final int WHALE = 10;
  static final LoadConfig CONFIG = LoadConfig.builder().seed(7).smallWorkspaces(SMALL).eventsPerWorkspace(EVENTS)
      .whaleFactor(WHALE).usersPerWorkspace(2_000).restatementRate(0.05).nearDuplicateRate(0.04).invalidRate(0.01)
      .outOfOrderRate(0.10).maxLatenessMs(120_000).build();
  static final List<GeneratedEvent> EVENTS_LIST = materialise(new LoadGenerator(CONFIG).events());

  private LoadFixture() {}

  static List<GeneratedEvent> materialise(Iterator<GeneratedEvent> events) {
    List<GeneratedEvent> all = new ArrayList<>();
    events.forEachRemaining(all::add);
    return all;
  }
}
