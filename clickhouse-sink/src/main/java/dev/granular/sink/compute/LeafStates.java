package dev.granular.sink.compute;

import dev.granular.sink.events.EventOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Merged leaf states of a set of users, keyed by short leaf id and user, as read for one resolution. */
final class LeafStates {

  /** The latest row of a LATEST-family leaf; {@code valueTimeMs} is {@link LeafInputRows#NO_TIME} if none. */
  record Latest(long timeMs, String messageId, String text, String json, long valueTimeMs) {
  }

  /** One distinct entry of a HISTORY-family leaf. */
  record Entry(long timeMs, String messageId, String payload) {
    /** Oldest first, by the same order "latest" uses everywhere. */
    static final Comparator<Entry> ORDER = (a, b) -> EventOrder.compare(a.timeMs, a.messageId, b.timeMs, b.messageId);
  }

  private final Map<Integer, Map<String, Latest>> latest = new HashMap<>();
  private final Map<Integer, Map<String, NavigableMap<Long, Long>>> counts = new HashMap<>();
  private final Map<Integer, Map<String, List<Entry>>> history = new HashMap<>();

  void putLatest(int leaf, String user, Latest value) {
    latest.computeIfAbsent(leaf, l -> new HashMap<>()).put(user, value);
  }

  void putCount(int leaf, String user, long bucket, long count) {
    counts.computeIfAbsent(leaf, l -> new HashMap<>()).computeIfAbsent(user, u -> new TreeMap<>()).put(bucket, count);
  }

  void addEntry(int leaf, String user, Entry entry) {
    history.computeIfAbsent(leaf, l -> new HashMap<>()).computeIfAbsent(user, u -> new ArrayList<>()).add(entry);
  }

  /** Null when the user has no row for the leaf. */
  Latest latest(int leaf, String user) {
    return latest.getOrDefault(leaf, Map.of()).get(user);
  }

  /** Distinct messages over every bucket. */
  long count(int leaf, String user) {
    return buckets(leaf, user).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Distinct messages with event time in [fromMs, toMs] (a message has one event time, so the sum is exact). */
  long countBetween(int leaf, String user, long fromMs, long toMs) {
    if (toMs < fromMs) {
      return 0;
    }
    return buckets(leaf, user).subMap(fromMs, true, toMs, true).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Entries oldest first. */
  List<Entry> history(int leaf, String user) {
    List<Entry> entries = new ArrayList<>(history.getOrDefault(leaf, Map.of()).getOrDefault(user, List.of()));
    entries.sort(Entry.ORDER);
    return entries;
  }

  private NavigableMap<Long, Long> buckets(int leaf, String user) {
    return counts.getOrDefault(leaf, Map.of()).getOrDefault(user, new TreeMap<>());
  }
}
