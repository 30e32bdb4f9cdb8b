package dev.granular.bench.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One workspace's definitions in the definitions-topic format: segments {@code seg-001..}, then user
 * properties {@code up-001..}. Drawn from the workspace's own random stream, apart from its events, so
 * changing the event mix leaves the definitions as they were.
 */
final class DefinitionGenerator {
  private final LoadConfig config;
  private final String workspaceId;
  private final SegmentShapes segments;
  private final UserPropertyShapes userProperties;

  DefinitionGenerator(LoadConfig config, int workspace) {
    this.config = config;
    this.workspaceId = config.workspaceId(workspace);
    SplittableRandom random = Seeds.random(config.seed(), workspace, Seeds.DEFINITIONS);
    PredicatePool pool = new PredicatePool(config.sharedPredicates(), random,
        new ZipfSampler(config.eventNames(), config.eventNameSkew()));
    this.segments = new SegmentShapes(pool, random);
    this.userProperties = new UserPropertyShapes(pool, random);
  }

  List<GeneratedDefinition> definitions() {
    List<GeneratedDefinition> out = new ArrayList<>();
    for (int i = 0; i < config.segmentsPerWorkspace(); i++) {
      SegmentShapes.Shape shape = SegmentShapes.shape(i);
      out.add(message(String.format(Locale.ROOT, "seg-%03d", i + 1), "Segment " + (i + 1) + " (" + label(shape) + ")",
          "Segment", segments.definition(shape)));
    }
    for (int i = 0; i < config.userPropertiesPerWorkspace(); i++) {
      UserPropertyShapes.Shape shape = UserPropertyShapes.shape(i);
      out.add(message(String.format(Locale.ROOT, "up-%03d", i + 1),
          "User property " + (i + 1) + " (" + label(shape) + ")", "UserProperty", userProperties.definition(shape)));
    }
    return out;
  }

  private static String label(Enum<?> shape) {
    return shape.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The name matters beyond display: it salts RandomBucket, so each bucket segment samples differently. */
  private GeneratedDefinition message(String id, String name, String type, ObjectNode definition) {
    ObjectNode value = JsonNodeFactory.instance.objectNode().put("workspaceId", workspaceId).put("id", id)
        .put("name", name).put("type", type);
    value.set("definition", definition);
    return new GeneratedDefinition(workspaceId, id, type, value.toString());
  }
}
