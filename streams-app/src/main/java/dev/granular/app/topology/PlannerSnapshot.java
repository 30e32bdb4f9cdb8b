package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.PlannerState;
import dev.granular.avro.WorkspaceDefinitions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner's state and the workspaces' definitions as of now, read from the stores' changelog topics:
 * the latest value per workspace. Works whether or not the app is running.
 */
public record PlannerSnapshot(Map<String, PlannerState> states, Map<String, WorkspaceDefinitions> definitions) {

  public static PlannerSnapshot read(AppConfig config) {
    String bootstrap = config.kafka().bootstrapServers();
    String app = config.kafka().applicationId();
    return new PlannerSnapshot(latest(bootstrap, Stores.changelogTopic(app, Stores.PLANNER_STATE), new AvroSerde<>(PlannerState.class)),
        latest(bootstrap, Stores.changelogTopic(app, Stores.WORKSPACE_DEFINITIONS), new AvroSerde<>(WorkspaceDefinitions.class)));
  }


  private static <V extends org.apache.avro.specific.SpecificRecord> Map<String, V> latest(String bootstrap, String topic, AvroSerde<V> serde) {
    Map<String, V> out = new TreeMap<>();
    TopicScan.scan(bootstrap, topic, r -> {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (r.value() == null) {
        out.remove(key);
      } else {
        out.put(key, serde.deserializer().deserialize(topic, r.value()));
      }
    });
    return out;
  }
}
