package dev.granular.sink.compute;

import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One random differential case: definitions (possibly changed before one round), events received over the
 * rounds, and the compute times. Everything derives from (seed, index), so a case replays exactly.
 */
record DiffCase(long seed, int index, List<Long> rounds, List<RandomDefinitions.Spec> initial, int updateRound,
    List<RandomDefinitions.Spec> updated, List<StoredEvent> events) {

  static final long T0 = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
  private static final long HOUR = 3_600_000L;

  static DiffCase generate(long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    long step = List.of(3 * HOUR, 12 * HOUR, 24 * HOUR).get(random.nextInt(3));
    List<Long> rounds = new ArrayList<>();
    for (int r = 0, n = 2 + random.nextInt(3); r < n; r++) {
      rounds.add(T0 + (r + 1) * step + random.nextInt(1_000));
    }
    RandomDefinitions definitions = new RandomDefinitions(random, T0);
    Map<String, RandomDefinitions.Spec> specs = new LinkedHashMap<>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      specs.put("seg" + i, definitions.segment("seg" + i));
    }
    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
      specs.put("prop" + i, definitions.userProperty("prop" + i));
    }
    List<RandomDefinitions.Spec> initial = List.copyOf(specs.values());
    int updateRound = random.nextInt(5) < 2 ? 1 + random.nextInt(rounds.size() - 1) : -1;
    if (updateRound > 0) { // one property redefined, sometimes one added: backfill and full re-resolution
      String changed = initial.get(random.nextInt(initial.size())).id();
      specs.put(changed, changed.startsWith("seg") ? definitions.segment(changed) : definitions.userProperty(changed));
      if (random.nextBoolean()) {
        specs.put("seg-new", definitions.segment("seg-new"));
      }
    }
    List<StoredEvent> events = new RandomEvents(random, T0).generate("ws", rounds);
    return new DiffCase(seed, index, List.copyOf(rounds), initial, updateRound, List.copyOf(specs.values()), events);
  }

  List<PropertyDefinition> definitionsAt(int round, String workspaceId) {
    List<RandomDefinitions.Spec> specs = updateRound >= 0 && round >= updateRound ? updated : initial;
    return specs.stream().map(s -> s.bind(workspaceId)).toList();
  }

  List<StoredEvent> events(String workspaceId) {
    return events.stream().map(e -> new StoredEvent(workspaceId, e.messageId(), e.type(), e.userId(), e.anonymousId(),
        e.event(), e.propertiesJson(), e.traitsJson(), e.eventTimeMs(), e.processingTimeMs())).toList();
  }

  @Override
  public String toString() {
    return "case " + index + " of seed " + seed + " (replay: -Doracle.seed=" + seed + " -Doracle.case=" + index + ")"
        + "\n  rounds " + rounds + ", definitions updated before round " + updateRound
        + "\n  initial " + initial + "\n  updated " + updated + "\n  events " + events;
  }
}
