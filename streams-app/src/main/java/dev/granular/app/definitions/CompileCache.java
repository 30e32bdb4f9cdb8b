package dev.granular.app.definitions;

import dev.granular.app.support.BoundedCache;
import dev.granular.avro.WorkspaceDefinitions;

/** The last compile of each recently used workspace, by version: compiling on every record would be wasteful. */
public final class CompileCache {
  private final BoundedCache<String, CompiledWorkspace> cache;

  public CompileCache(int capacity) {
    this.cache = new BoundedCache<>(capacity);
  }

  /** The cached compile of exactly this stored version, or null. */
  public CompiledWorkspace cached(WorkspaceDefinitions stored) {
    CompiledWorkspace hit = cache.get(stored.getWorkspaceId());
    return hit != null && hit.version() == stored.getVersion() && hit.baselineSize() == stored.getLeafIds().size() ? hit : null;
  }

  /** The compiled workspace for this stored version; baselines change only with a version, so the key holds. */
  public CompiledWorkspace get(WorkspaceDefinitions stored) {
    String key = stored.getWorkspaceId();
    CompiledWorkspace hit = cached(stored);
    if (hit != null) {
      return hit;
    }
    CompiledWorkspace compiled = CompiledWorkspace.of(stored);
    cache.put(key, compiled);
    return compiled;
  }
}
