package dev.granular.app.sink;

import dev.granular.avro.AssignmentChange;
import java.util.Iterator;
import java.util.List;

/**
 * A finished task's assignment changes, as its work left them: in memory, or spilled to disk when there are
 * many (a first compute over a whale), so the heap does not grow with a task's users. The stream thread
 * forwards them once, then closes them.
 */
public interface ChangeRecords extends Iterable<AssignmentChange>, AutoCloseable {
  long count();

  /** Releases what holds them (a spill file); never throws. */
  @Override
  void close();

  static ChangeRecords none() {
    return of(List.of());
  }

  static ChangeRecords of(List<AssignmentChange> changes) {
    List<AssignmentChange> copy = List.copyOf(changes);
    return of(copy, copy.size(), () -> { }); // nothing held but the list
  }

  /** The changes of several parts (a task's shards), one after the other; closing closes them all. */
  static ChangeRecords concat(List<ChangeRecords> parts) {
    List<ChangeRecords> copy = List.copyOf(parts);
    Iterable<AssignmentChange> all = () -> copy.stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false))
        .iterator();
    return of(all, copy.stream().mapToLong(ChangeRecords::count).sum(), () -> copy.forEach(ChangeRecords::close));
  }

  /** @param release what {@link #close} frees, such as a spill file */
  static ChangeRecords of(Iterable<AssignmentChange> changes, long count, Runnable release) {
    return new ChangeRecords() {
      @Override
      public long count() {
        return count;
      }

      @Override
      public void close() {
        release.run();
      }

      @Override
      public Iterator<AssignmentChange> iterator() {
        return changes.iterator();
      }
    };
  }
}
