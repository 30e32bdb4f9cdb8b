package dev.granular.sink.compute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.events.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random events over the definitions' vocabulary, received over several compute rounds: out of order
 * (event times before and after their receipt), tied event times (messageId decides), anonymous users,
 * and identical re-sends of a message in a later round.
 */
final class RandomEvents {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long HOUR = 3_600_000L;

  private final Random random;
  private final long t0;

  RandomEvents(Random random, long t0) {
    this.random = random;
    this.t0 = t0;
  }

  /** Events received in (t0, rounds[last]]; {@code rounds} are the compute times, ascending. */
  List<StoredEvent> generate(String workspaceId, List<Long> rounds) {
    List<StoredEvent> events = new ArrayList<>();
    int count = 6 + random.nextInt(25);
    for (int i = 0; i < count; i++) {
      int round = random.nextInt(rounds.size());
      long from = round == 0 ? t0 : rounds.get(round - 1);
      long received = random.nextInt(8) == 0 ? rounds.get(round) // exactly at the compute: the window's end is inclusive
          : from + 1 + (long) (random.nextDouble() * (rounds.get(round) - from - 1));
      long time = !events.isEmpty() && random.nextInt(6) == 0 ? events.get(random.nextInt(events.size())).eventTimeMs()
          : received + (long) ((random.nextDouble() * 3 - 2.2) * 24 * HOUR);
      StoredEvent event = event(workspaceId, "m" + i, Math.max(0, time), received);
      events.add(event);
      if (random.nextInt(7) == 0 && round + 1 < rounds.size()) { // re-sent later with the same content
        events.add(event.withProcessingTime(rounds.get(round + 1 + random.nextInt(rounds.size() - round - 1))));
      }
    }
    return events;
  }

  private StoredEvent event(String ws, String messageId, long time, long received) {
    String userId = random.nextInt(5) == 0 ? null : "u" + (1 + random.nextInt(4));
    String anonymousId = userId == null || random.nextInt(4) == 0 ? "anon-" + (1 + random.nextInt(2)) : null;
    int kind = random.nextInt(20);
    if (kind < 7) {
      return new StoredEvent(ws, messageId, "identify", userId, anonymousId, null, "{}", traits().toString(), time, received);
    }
    String type = kind < 18 ? "track" : "page";
    String name = type.equals("track") ? RandomDefinitions.EVENTS.get(random.nextInt(RandomDefinitions.EVENTS.size())) : null;
    return new StoredEvent(ws, messageId, type, userId, anonymousId, name, properties().toString(), "{}", time, received);
  }

  private ObjectNode traits() {
    ObjectNode traits = JSON.objectNode();
    if (random.nextBoolean()) {
      switch (random.nextInt(5)) {
        case 0 -> traits.putNull("plan");
        case 1 -> traits.put("plan", "");
        default -> traits.put("plan", random.nextBoolean() ? "free" : "pro");
      }
    }
    if (random.nextInt(3) == 0) {
      switch (random.nextInt(4)) {
        case 0 -> traits.put("age", 17);
        case 1 -> traits.put("age", "30");
        case 2 -> traits.put("age", 30.5);
        default -> traits.put("age", "x");
      }
    }
    if (random.nextInt(3) == 0) {
      ArrayNode tags = traits.putArray("tags");
      for (int i = random.nextInt(3); i > 0; i--) {
        tags.add(random.nextBoolean() ? "a" : "b");
      }
      if (random.nextInt(5) == 0) {
        traits.put("tags", "a");
      }
    }
    if (random.nextInt(3) == 0) {
      long at = t0 + (long) ((random.nextDouble() * 4 - 2) * 24 * HOUR);
      traits.put("since", switch (random.nextInt(4)) {
        case 0 -> Long.toString(at / 1000);
        case 1 -> "soon";
        default -> Instant.ofEpochMilli(at).toString();
      });
    }
    if (random.nextInt(4) == 0) {
      traits.putObject("profile").put("tier", random.nextBoolean() ? "gold" : "silver");
    }
    if (random.nextInt(5) == 0) {
      traits.put("odd key", random.nextBoolean() ? "a" : "null");
    }
    return traits;
  }

  private ObjectNode properties() {
    ObjectNode properties = JSON.objectNode();
    if (random.nextInt(4) > 0) {
      properties.put("sku", String.valueOf((char) ('a' + random.nextInt(3))));
    }
    switch (random.nextInt(5)) {
      case 0 -> properties.put("price", 5);
      case 1 -> properties.put("price", 12.5);
      case 2 -> properties.put("price", "10");
      case 3 -> properties.putNull("price");
      default -> { }
    }
    if (random.nextInt(3) == 0) {
      properties.putArray("tags").add(random.nextBoolean() ? "a" : "b");
    }
    if (random.nextInt(3) == 0) {
      properties.putObject("nested").put("k", random.nextBoolean() ? "x" : "5");
    }
    return properties;
  }
}
