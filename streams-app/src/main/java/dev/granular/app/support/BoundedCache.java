package dev.granular.app.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries and evicts the least recently used one (read or written)
 * when a put would go past it. Not thread-safe: each owner uses it from one thread (a processor's stream thread).
 */
public final class BoundedCache<K, V> {
  private final Map<K, V> entries;

  public BoundedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached value, or null; a hit makes the entry the most recently used. */
  public V get(K key) {
    return entries.get(key);
  }

  public void put(K key, V value) {
    entries.put(key, value);
  }

  public int size() {
    return entries.size();
  }

  public void clear() {
    entries.clear();
  }
}
