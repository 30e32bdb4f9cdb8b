package dev.granular.sink.compile;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Short, stable ids for long identities, per workspace: storage keys by a small integer instead of a
 * 64-character hash. An identity keeps its id across recompiles; a new one gets the next id; ids are never
 * reused, so a leaf dropped and later re-added gets its old id (and old state) back.
 */
public final class ShortIds {

  private static final ShortIds EMPTY = new ShortIds(Map.of());

  private final Map<String, Integer> ids;
  private final int next;

  private ShortIds(Map<String, Integer> ids) {
    this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    this.next = ids.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
  }

  public static ShortIds empty() {
    return EMPTY;
  }

  /** A mapping saved from an earlier compile. Ids must be positive and distinct. */
  public static ShortIds of(Map<String, Integer> ids) {
    if (ids.values().stream().anyMatch(id -> id == null || id <= 0)
        || ids.values().stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("short ids must be positive and distinct: " + ids);
    }
    return new ShortIds(ids);
  }

  /** This mapping plus ids for the identities it lacks, given in order. */
  public ShortIds with(Collection<String> identities) {
    Map<String, Integer> extended = new LinkedHashMap<>(ids);
    int nextId = next;
    for (String identity : identities) {
      if (!extended.containsKey(Objects.requireNonNull(identity))) {
        extended.put(identity, nextId++);
      }
    }
    return new ShortIds(extended);
  }

  public boolean contains(String identity) {
    return ids.containsKey(identity);
  }

  public int get(String identity) {
    Integer id = ids.get(identity);
    if (id == null) {
      throw new IllegalArgumentException("no short id for " + identity);
    }
    return id;
  }

  /** Every identity ever mapped, including ones no longer used; persist this for the next compile. */
  public Map<String, Integer> asMap() {
    return ids;
  }

  /** The id the next new identity will get. */
  public int next() {
    return next;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShortIds that && ids.equals(that.ids);
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }

  @Override
  public String toString() {
    return "ShortIds" + ids;
  }
}
