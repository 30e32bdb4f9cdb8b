package dev.granular.app.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits work (events x properties) into parts of at most T each.
 *
 * <p>Axes, in order: user-id hash buckets, then property groups. A user's assignments depend only on that
 * user's events, so bucket parts are independent and need no second stage; they also divide the event
 * volume, which is what grows with a whale. Property groups are added only when one event across all
 * properties already exceeds T, since a leaf shared by two groups is then computed twice (harmlessly, as
 * every state insert is idempotent). Processing-time sub-windows are not used: resolution at {@code now}
 * needs every event of the window, so they would force a second stage.
 */
public final class SplitPolicy {
  /** One part: users in {@code bucket} of {@code buckets}, over {@code propertyIds}. */
  public record Part(int bucket, int buckets, List<String> propertyIds, long estimatedWork) {}

  private final long threshold;
  private final int maxParts;

  public SplitPolicy(long threshold, int maxParts) {
    this.threshold = threshold;
    this.maxParts = maxParts;
  }

  public long threshold() {
    return threshold;
  }

  public static long work(long events, int properties) {
    return Math.multiplyExact(Math.max(0, events), Math.max(0, properties));
  }

  /** One part when the work fits T; else the fewest parts whose estimates each stay within T. */
  public List<Part> split(long events, List<String> propertyIds) {
    long work = work(events, propertyIds.size());
    if (work <= threshold || propertyIds.isEmpty()) {
      return List.of(new Part(0, 1, propertyIds, work));
    }
    int props = propertyIds.size();
    // Smallest indivisible unit is one event of one property; below that T cannot be met.
    int groups = Math.min(props, Math.max(1, ceilDiv(props, Math.max(1, threshold))));
    int perGroup = ceilDiv(props, groups);
    long eventsPerPart = Math.max(1, threshold / perGroup);
    int buckets = Math.max(1, Math.min(ceilDiv(events, eventsPerPart), Math.max(1, maxParts / groups)));
    List<Part> parts = new ArrayList<>(groups * buckets);
    for (int g = 0; g < groups; g++) {
      List<String> group = List.copyOf(propertyIds.subList(g * perGroup, Math.min(props, (g + 1) * perGroup)));
      if (group.isEmpty()) {
        continue;
      }
      long perPart = work(ceilDiv(events, buckets), group.size());
      for (int b = 0; b < buckets; b++) {
        parts.add(new Part(b, buckets, group, perPart));
      }
    }
    return parts;
  }

  private static int ceilDiv(long a, long b) {
    return (int) Math.min(Integer.MAX_VALUE, (a + b - 1) / b);
  }
}
