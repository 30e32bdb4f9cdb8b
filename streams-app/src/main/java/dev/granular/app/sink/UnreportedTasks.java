package dev.granular.app.sink;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tasks a partition accepted and has not yet reported, in a changelogged store: the sink's outbox.
 *
 * <p>Why: a task's input offset is committed once its ClickHouse work is done (the slots' flush), but its
 * result and changes are forwarded on the stream thread after that, in the next transaction. The entry is
 * written with the input offset and deleted together with the forwarded records, so whoever owns the partition
 * after a crash finds exactly the tasks whose records were never committed, and runs them again. A rerun at
 * the same {@code now} writes nothing new and returns the same changes, so each change is committed once.
 */
public final class UnreportedTasks {
  private final KeyValueStore<String, ComputeTask> store;

  public UnreportedTasks(KeyValueStore<String, ComputeTask> store) {
    this.store = store;
  }

  /** The task was accepted: it stays here until its result is forwarded. */
  public void accepted(ComputeTask task) {
    store.put(key(task.getPlanId(), task.getPart(), task.getAttempt()), task);
  }

  /** The task's result (and its changes) were forwarded in the current transaction. */
  public void reported(TaskResult result) {
    store.delete(key(result.getPlanId(), result.getPart(), result.getAttempt()));
  }

  /** What a previous owner accepted and never reported, in key order. */
  public List<ComputeTask> pending() {
    List<ComputeTask> tasks = new ArrayList<>();
    try (KeyValueIterator<String, ComputeTask> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ComputeTask> next = all.next();
        tasks.add(next.value);
      }
    }
    return tasks;
  }

  static String key(String planId, int part, int attempt) {
    return planId + "/" + part + "/" + attempt;
  }
}
