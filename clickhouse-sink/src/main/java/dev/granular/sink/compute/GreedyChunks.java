package dev.granular.sink.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Items cut, in their order, into consecutive chunks that each take as many as fit: at most {@code maxCount}
 * items whose weights add up to at most {@code budget} (an item over the budget goes alone). One chunk is held at
 * a time. Shared by a batch's statement groups and resolution's user chunks.
 */
final class GreedyChunks {
  private GreedyChunks() {}

  static <T> void forEach(Iterable<T> items, int maxCount, ToLongFunction<T> weight, long budget, Consumer<List<T>> chunk) {
    List<T> current = new ArrayList<>();
    long sum = 0;
    for (T item : items) {
      long w = weight.applyAsLong(item);
      if (!current.isEmpty() && (current.size() >= maxCount || sum + w > budget)) {
        chunk.accept(current);
        current = new ArrayList<>();
        sum = 0;
      }
      current.add(item);
      sum += w;
    }
    if (!current.isEmpty()) {
      chunk.accept(current);
    }
  }
}
