package dev.granular.app.sink;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.app.support.CommitBarrier;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.TaskResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * One partition's K compute slots, held as a state store so that Kafka Streams enforces at-least-once:
 * before a task's input offsets are committed, Streams runs its {@link CommitBarrier}, which returns only
 * when every accepted compute task has finished its ClickHouse work. The lifecycle and what may start are the
 * {@link SlotBook}'s; this class only guards it with a lock, runs started tasks on K worker threads, and hands
 * finished results to the stream thread ({@link #forwardFinished}).
 */
public final class TaskSlots extends CommitBarrier {
  /** A finished task: its result record and the assignment changes it found. */
  public record Finished(TaskResult result, ChangeRecords changes) {}

  private static final int MAX_PRIORITY_STREAK = 3;

  private final int slots;
  private final int maxBatch;
  private final TaskWork work;
  private final SinkMetrics metrics;
  private final LongSupplier clock;
  private SlotBook<TaskWork.Job, Finished> book;
  private ExecutorService workers;
  private int partition;

  public TaskSlots(String name, int slots, TaskWork work, SinkMetrics metrics, LongSupplier clock) {
    this(name, slots, 1, work, metrics, clock);
  }

  /** @param maxBatch most tasks one slot runs together (small tasks of distinct workspaces); 1 runs each alone */
  public TaskSlots(String name, int slots, int maxBatch, TaskWork work, SinkMetrics metrics, LongSupplier clock) {
    super(name);
    this.slots = slots;
    this.maxBatch = maxBatch;
    this.work = work;
    this.metrics = metrics;
    this.clock = clock;
    this.book = new SlotBook<>(slots, MAX_PRIORITY_STREAK);
  }

  /**
   * Queues the task; blocks while {@code 2K} tasks are already accepted and unfinished (backpressure), or, for a task
   * that may join a batch, {@code 2K} batches' worth, so that batches can form from what waits.
   */
  public synchronized void accept(ComputeTask task, CompiledWorkspace workspace) throws InterruptedException {
    int limit = 2 * slots * (batchable(new TaskWork.Job(task, workspace)) ? maxBatch : 1);
    while (book.unfinished() >= limit) {
      wait();
    }
    book.accept(new TaskWork.Job(task, workspace), task.getPriority());
    startReady();
  }

  /** Accepts a task a previous owner accepted and never reported (from {@link UnreportedTasks}). */
  public void acceptRerun(ComputeTask task, CompiledWorkspace workspace) throws InterruptedException {
    metrics.rerun();
    accept(task, workspace);
  }

  /** Records a failed attempt without running it, e.g. when the workspace cannot be compiled. */
  public synchronized void fail(ComputeTask task, String reason) {
    metrics.attempted(task.getPriority(), false);
    book.refuse(new TaskWork.Job(task, null), task.getPriority(), TaskAttempt.refused(task, reason, clock.getAsLong()));
  }

  /** Hands every result finished since the last call to {@code forward}, on the caller's (stream) thread, then marks it DONE. */
  public void forwardFinished(Consumer<Finished> forward) {
    List<Slot<TaskWork.Job, Finished>> ready;
    synchronized (this) {
      ready = book.finished();
    }
    for (Slot<TaskWork.Job, Finished> slot : ready) {
      forward.accept(slot.result());
      synchronized (this) {
        book.delivered(slot);
      }
    }
  }

  /** Accepted tasks of this priority waiting for a slot (a gauge). */
  synchronized int waiting(boolean priority) {
    return book.waiting(priority);
  }

  /** Tasks of this priority running in a slot now (a gauge). */
  synchronized int running(boolean priority) {
    return book.running(priority);
  }

  public synchronized int unfinished() {
    return book.unfinished();
  }

  private void startReady() {
    for (Slot<TaskWork.Job, Finished> slot : book.start()) {
      List<Slot<TaskWork.Job, Finished>> batch = new ArrayList<>(List.of(slot));
      if (batchable(slot.task())) { // never a priority task
        Set<String> workspaces = new HashSet<>(Set.of(slot.task().task().getWorkspaceId()));
        batch.addAll(book.join(slot, companions(), job -> batchable(job) && workspaces.add(job.task().getWorkspaceId())));
      }
      List<TaskWork.Job> jobs = batch.stream().map(Slot::task).toList();
      workers.execute(() -> {
        List<Finished> done = TaskAttempt.runBatch(jobs, work, metrics, partition, clock);
        synchronized (this) {
          boolean open = true;
          for (int i = 0; i < batch.size(); i++) {
            open &= book.finish(batch.get(i), done.get(i).result().getSuccess(), done.get(i));
          }
          if (open) {
            startReady();
          }
          notifyAll();
        }
      });
    }
  }

  /**
   * A fair share of what waits: the waiting normal tasks spread over all K slots, not all into the first slot that
   * frees while the others are about to free too (one long batch is slower than K short ones run side by side).
   * Under a deep queue the share reaches {@code maxBatch - 1}.
   */
  private int companions() {
    int share = Math.floorDiv(book.waiting(false) + 1 + slots - 1, slots) - 1;
    return Math.min(maxBatch - 1, share);
  }

  private boolean batchable(TaskWork.Job job) {
    return maxBatch > 1 && !job.task().getPriority() && job.workspace() != null && work.batchable(job.task(), job.workspace());
  }

  /** Waits until every accepted task has finished: offsets are committed only after this returns. */
  @Override
  protected synchronized void awaitDurable() {
    try {
      while (book.unfinished() > 0) {
        wait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for compute tasks to finish", e);
    }
  }

  @Override
  protected synchronized void opened(StateStoreContext context) {
    partition = context.taskId().partition();
    // Kafka Streams re-opens the same store object when it revives a task (e.g. after wiping corrupted state):
    // a fresh book, since the old one was closed with the task.
    book = new SlotBook<>(slots, MAX_PRIORITY_STREAK);
    workers = Executors.newFixedThreadPool(slots, r -> {
      Thread t = new Thread(r, "granular-sink-" + context.taskId() + "-worker");
      t.setDaemon(true);
      return t;
    });
    metrics.opened(this, slots);
  }

  @Override
  protected synchronized void closed() {
    // Unreported tasks stay in the outbox (UnreportedTasks) or their input was never committed: whoever owns the
    // partition next runs them again.
    book.close();
    metrics.closed(this);
    if (workers != null) {
      workers.shutdownNow();
    }
    notifyAll();
  }
}
