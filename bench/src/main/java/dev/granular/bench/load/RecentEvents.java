package dev.granular.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/** A workspace's last few events, which restatements and near-duplicates repeat. */
final class RecentEvents {
  private final ObjectNode[] events;
  private final String[] texts;
  private int size;
  private int next;

  RecentEvents(int capacity) {
    events = new ObjectNode[capacity];
    texts = new String[capacity];
  }

  void add(ObjectNode event, String text) {
    events[next] = event;
    texts[next] = text;
    next = (next + 1) % events.length;
    size = Math.min(size + 1, events.length);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The exact bytes of one of the recent events: a retry may come a while after the original. */
  String anyText(SplittableRandom random) {
    return texts[Math.floorMod(next - 1 - random.nextInt(size), events.length)];
  }

  ObjectNode latest() {
    return events[Math.floorMod(next - 1, events.length)];
  }
}
