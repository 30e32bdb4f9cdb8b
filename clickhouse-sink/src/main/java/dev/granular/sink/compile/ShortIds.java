package dev.granular.sink.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Short, stable ids for long identities, per workspace: storage keys by a 32-bit integer instead of a
 * 64-character hash. An identity keeps its id across recompiles, and a leaf dropped and later re-added gets
 * its old id (and old state) back. A new identity's id comes from the identity itself, not from the order
 * definitions arrived in: `reset` rebuilds the mapping from the definitions topic, in whatever order its
 * partitions are read again, while the states ClickHouse keeps stay keyed by the old ids. Only if two
 * identities of one workspace hash alike does one take the next free id, and then which one depends on order.
 */
public final class ShortIds {
  /** Ids below this were numbered in order by earlier versions (1, 2, 3...) and are kept as stored. */
  static final int DERIVED_FROM = 1 << 24;

  private static final ShortIds EMPTY = new ShortIds(Map.of());

  private final Map<String, Integer> ids;

  private ShortIds(Map<String, Integer> ids) {
    this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
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

  /** This mapping plus ids for the identities it lacks (in sorted order, should two hash alike). */
  public ShortIds with(Collection<String> identities) {
    Map<String, Integer> extended = new LinkedHashMap<>(ids);
    Set<Integer> taken = new HashSet<>(ids.values());
    for (String identity : new TreeSet<>(identities)) {
      if (!extended.containsKey(Objects.requireNonNull(identity))) {
        int id = derived(identity);
        while (!taken.add(id)) {
          id = id == Integer.MAX_VALUE ? DERIVED_FROM : id + 1;
        }
        extended.put(identity, id);
      }
    }
    return new ShortIds(extended);
  }

  /** The id an identity gets when it is new and nothing else has it: from its SHA-256, above the ordered ids. */
  static int derived(String identity) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      long bits = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
      return DERIVED_FROM + (int) (bits % ((long) Integer.MAX_VALUE - DERIVED_FROM + 1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
