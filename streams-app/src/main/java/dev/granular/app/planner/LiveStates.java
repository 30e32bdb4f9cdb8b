package dev.granular.app.planner;

import dev.granular.app.support.BoundedCache;
import dev.granular.avro.PlannerState;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Write-through cache of deserialized planner states in front of the planner-state store. Every input reads
 * and writes its workspace's state; with the cache a read is a map lookup instead of an Avro decode, and only
 * the write (store put, hence changelog) pays the serde. The store stays the source of truth: a processor
 * instance lives as long as its task, and every write to the store goes through here, so no entry goes stale.
 */
public final class LiveStates {
  private final Function<String, PlannerState> read;
  private final Consumer<PlannerState> write;
  private final BoundedCache<String, PlannerState> recent;

  /** @param capacity most recently used workspaces kept deserialized; older ones are read from the store again */
  public LiveStates(int capacity, Function<String, PlannerState> read, Consumer<PlannerState> write) {
    this.read = read;
    this.write = write;
    this.recent = new BoundedCache<>(capacity);
  }

  /** The workspace's state, or a fresh one when the store has none. */
  public PlannerState load(String workspace) {
    PlannerState state = recent.get(workspace);
    if (state == null) {
      state = read.apply(workspace);
      if (state == null) {
        state = Planner.fresh(workspace);
      }
      recent.put(workspace, state);
    }
    return state;
  }

  public void save(PlannerState state) {
    write.accept(state);
    recent.put(state.getWorkspaceId(), state);
  }

  /** Forget everything, e.g. when the caller cannot be sure the cached objects match the store any more. */
  public void clear() {
    recent.clear();
  }
}
