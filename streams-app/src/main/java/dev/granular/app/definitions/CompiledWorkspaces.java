package dev.granular.app.definitions;

import dev.granular.app.support.TaskLocalStore;
import dev.granular.avro.WorkspaceDefinitions;
import java.util.function.LongConsumer;

/**
 * Each workspace compiled once per change (definitions version and baseline), shared by the planner, which
 * compiles a change as it stores it, and the compute sink, which runs tasks against it: both are processors
 * of the same task, on the same stream thread. After a restart the first reader compiles the stored version.
 */
public final class CompiledWorkspaces extends TaskLocalStore {
  private final CompileCache cache;
  private final LongConsumer compiled;

  /** @param compiled told of each compile, with its duration in nanoseconds (metrics) */
  public CompiledWorkspaces(String name, int capacity, LongConsumer compiled) {
    super(name);
    this.cache = new CompileCache(capacity);
    this.compiled = compiled;
  }

  /** The compiled form of exactly this stored version; throws if it does not compile. */
  public CompiledWorkspace get(WorkspaceDefinitions stored) {
    CompiledWorkspace hit = cache.cached(stored);
    if (hit != null) {
      return hit;
    }
    long start = System.nanoTime();
    CompiledWorkspace fresh = cache.get(stored);
    compiled.accept(System.nanoTime() - start);
    return fresh;
  }
}
