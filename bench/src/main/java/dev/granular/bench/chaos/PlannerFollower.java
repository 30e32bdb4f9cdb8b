package dev.granular.bench.chaos;

import dev.granular.app.config.AppConfig;
import dev.granular.bench.CommittedTail;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.topology.Stores;
import dev.granular.avro.PlannerState;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's state per workspace, followed on its changelog (read_committed): each {@link #refresh()} reads
 * only what was written since the last, where a fresh scan re-read the whole changelog every poll, taking CPU
 * from the run being measured just as it catches up.
 */
final class PlannerFollower implements AutoCloseable {
  private final CommittedTail tail;
  private final Map<String, byte[]> latest = new HashMap<>();
  private final AvroSerde<PlannerState> serde = new AvroSerde<>(PlannerState.class);
  private final String topic;

  PlannerFollower(AppConfig config) {
    this.topic = Stores.changelogTopic(config.kafka().applicationId(), Stores.PLANNER_STATE);
    this.tail = new CommittedTail(config.kafka().bootstrapServers(), List.of(topic), 16 * 1024 * 1024);
  }

  /** Reads up to the changelog's current end (the last committed transaction). */
  void refresh() {
    tail.refresh(r -> {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (r.value() == null) {
        latest.remove(key);
      } else {
        latest.put(key, r.value());
      }
    });
  }

  /** The workspace's state as of the last refresh, or null. */
  PlannerState state(String workspace) {
    byte[] value = latest.get(workspace);
    return value == null ? null : serde.deserializer().deserialize(topic, value);
  }

  @Override
  public void close() {
    tail.close();
  }
}
