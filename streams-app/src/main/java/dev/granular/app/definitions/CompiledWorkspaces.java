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
    if (hit != null && hit.compiledFrom(stored)) {
      return hit;
    }
    long start = System.nanoTime();
    CompiledWorkspace fresh = CompiledWorkspace.of(stored);
    compiled.accept(System.nanoTime() - start);
    cache.put(stored.getWorkspaceId(), fresh);
    return fresh;
  }

  /**
   * A new version, compiled against the stored baseline (throws if it does not compile), turned into the value
   * to store for it ({@link CompiledWorkspace#installedValue}); that value's compile is this same one, kept.
   */
  public WorkspaceDefinitions install(WorkspaceDefinitions next) {
    CompiledWorkspace fresh = get(next);
    WorkspaceDefinitions value = fresh.installedValue(next);
    cache.put(value.getWorkspaceId(), fresh.as(value));
    return value;
  }
}
