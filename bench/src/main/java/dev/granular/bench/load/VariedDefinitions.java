package dev.granular.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * P6's definitions: each workspace gets its own number of computed properties, drawn uniformly from a range
 * (the 20 to 200), its user properties first up to the config's count and segments for the rest; the
 * segments of a workspace draw their leaves from one shared predicate pool, as the generator's always do.
 */
public final class VariedDefinitions {
  private final LoadConfig config;
  private final int min;
  private final int max;

  public VariedDefinitions(LoadConfig config, int minProperties, int maxProperties) {
    if (minProperties < 1 || maxProperties < minProperties) {
      throw new IllegalArgumentException("need 1 <= min <= max properties, got " + minProperties + ".." + maxProperties);
    }
    this.config = config;
    this.min = minProperties;
    this.max = maxProperties;
  }

  /** From the workspace's own random stream, so it does not depend on the other workspaces. */
  public int properties(int workspace) {
    return min + Seeds.random(config.seed(), workspace, Seeds.PROPERTIES).nextInt(max - min + 1);
  }

  public List<GeneratedDefinition> definitions() {
    List<GeneratedDefinition> all = new ArrayList<>();
    for (int w = 0; w < config.workspaceCount(); w++) {
      int n = properties(w);
      int userProperties = Math.min(config.userPropertiesPerWorkspace(), n);
      all.addAll(new DefinitionGenerator(config.withDefinitions(n - userProperties, userProperties), w).definitions());
    }
    return all;
  }
}
