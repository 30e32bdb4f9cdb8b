package dev.granular.app.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label values taken from open sets (exception class names) kept bounded: the first {@code limit} distinct
 * values pass, later new ones become "other", so a surprise cannot grow the series count without end.
 */
public final class BoundedNames {
  public static final String OTHER = "other";
  private final int limit;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  public BoundedNames(int limit) {
    this.limit = limit;
  }

  public String of(String name) {
    if (seen.contains(name)) {
      return name;
    }
    synchronized (seen) {
      if (seen.size() < limit) {
        seen.add(name);
        return name;
      }
    }
    return OTHER;
  }
}
