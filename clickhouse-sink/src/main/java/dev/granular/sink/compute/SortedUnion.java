package dev.granular.sink.compute;

import dev.granular.sink.events.EventOrder;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The union of two ascending, duplicate-free sequences, itself ascending and duplicate-free, read lazily. Ascending
 * means ClickHouse's {@code ORDER BY} of a String: byte order of UTF-8, which is code point order ({@link #ORDER}),
 * not {@link String#compareTo} (UTF-16 units, which puts U+1F600 before U+FFFF).
 */
final class SortedUnion implements Iterable<String> {
  static final Comparator<String> ORDER = EventOrder::compareCodePoints;

  private final Iterable<String> left;
  private final Iterable<String> right;

  private SortedUnion(Iterable<String> left, Iterable<String> right) {
    this.left = left;
    this.right = right;
  }

  static SortedUnion of(Iterable<String> left, Iterable<String> right) {
    return new SortedUnion(left, right);
  }

  @Override
  public Iterator<String> iterator() {
    Iterator<String> a = left.iterator();
    Iterator<String> b = right.iterator();
    return new Iterator<>() {
      private String nextA = a.hasNext() ? a.next() : null;
      private String nextB = b.hasNext() ? b.next() : null;

      @Override
      public boolean hasNext() {
        return nextA != null || nextB != null;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int order = nextA == null ? 1 : nextB == null ? -1 : ORDER.compare(nextA, nextB);
        String out = order <= 0 ? nextA : nextB;
        if (order <= 0) {
          nextA = a.hasNext() ? a.next() : null;
        }
        if (order >= 0) {
          nextB = b.hasNext() ? b.next() : null;
        }
        return out;
      }
    };
  }
}
