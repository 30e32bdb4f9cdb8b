package dev.granular.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void evictsTheLeastRecentlyUsedEntryPastCapacity() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    assertEquals(1, cache.get("a")); // a is now more recent than b
    cache.put("c", 3);
    assertEquals(2, cache.size());
    assertNull(cache.get("b"), "b was the least recently used");
    assertEquals(1, cache.get("a"));
    assertEquals(3, cache.get("c"));
  }

  @Test
  void aPutRefreshesRecencyAndReplacesTheValue() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("a", 10);
    cache.put("c", 3);
    assertNull(cache.get("b"));
    assertEquals(10, cache.get("a"));
  }

  @Test
  void clearEmptiesAndCapacityMustBePositive() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(1);
    cache.put("a", 1);
    cache.clear();
    assertEquals(0, cache.size());
    assertNull(cache.get("a"));
    assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, Integer>(0));
  }
}
