package dev.granular.app.definitions;

import dev.granular.app.support.BoundedCache;
import dev.granular.app.support.TaskLocalStore;
import dev.granular.avro.WorkspaceDefinitions;
import java.util.function.LongConsumer;

/**
 * Each workspace compiled once per change (definitions version and baseline), shared by the planner, which
 * compiles a change as it stores it, and the compute sink, which runs tasks against it: both are processors
 * of the same task, on the same stream thread. After a restart the first reader compiles the stored version.
 */
public final class CompiledWorkspaces extends TaskLocalStore {
  private final BoundedCache<String, CompiledWorkspace> cache;
  private final LongConsumer compiled;

  /** @param compiled told of each compile, with its duration in nanoseconds (metrics) */
  public CompiledWorkspaces(String name, int capacity, LongConsumer compiled) {
    super(name);
    this.cache = new BoundedCache<>(capacity);
    this.compiled = compiled;
  }

  /** The compiled form of exactly this stored version; throws if it does not compile. */
  public CompiledWorkspace get(WorkspaceDefinitions stored) {
    CompiledWorkspace hit = cache.get(stored.getWorkspaceId());
    // A baseline changes only with a version or with its leaf ids, so (version, baseline size) identifies it.
    if (hit != null && hit.version() == stored.getVersion() && hit.baselineSize() == stored.getLeafIds().size()) {
      return hit;
    }
    long start = System.nanoTime();
    CompiledWorkspace fresh = CompiledWorkspace.of(stored);
    compiled.accept(System.nanoTime() - start);
    cache.put(stored.getWorkspaceId(), fresh);
    return fresh;
  }
}
