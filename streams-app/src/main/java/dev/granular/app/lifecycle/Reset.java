package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopicScan;
import dev.granular.app.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.OffsetSpec;

/**
 * `granular reset`: start the application over. Its internal topics (derived from the topology, by exact name)
 * are deleted, events and definitions are read again from the earliest retained, and the derived topics (ticks,
 * progress, tasks, results) are skipped to their end, since the plans they belong to are gone, and the global
 * copy of the definitions is cleared with tombstones (the planner stores them again). ClickHouse is
 * kept: every write is safe to repeat, so the recompute lands on the same answers.
 */
public final class Reset {
  public record Report(String application, boolean dryRun, List<String> deletedTopics, Map<String, String> offsets,
      String localState, List<String> nextSteps) {}

  private Reset() {}

  public static Report run(AppConfig config, boolean dryRun) {
    String app = config.kafka().applicationId();
    Topics topics = new Topics(config.topics());
    ApplicationTopics declared = ApplicationTopics.of(config);
    try (Kafka kafka = new Kafka(config)) {
      Guard.noLiveMembers(kafka, app, "reset");
      Set<String> existing = kafka.topicNames();
      List<String> delete = new ArrayList<>(declared.internal().stream().filter(existing::contains).toList());
      Map<String, String> offsets = new LinkedHashMap<>();
      Map<String, StreamsRole> readers = new LinkedHashMap<>();
      for (StreamsRole role : StreamsRole.values()) {
        for (String input : ApplicationTopics.of(config, role).inputs()) {
          boolean source = input.equals(topics.userEvents.name()) || input.equals(topics.definitions.name());
          offsets.put(input, source ? "earliest" : "latest");
          readers.put(input, role);
        }
      }
      if (!dryRun) {
        offsets.forEach((topic, where) -> {
          ConsumerGroup group = kafka.group(readers.get(topic));
          group.reset(topic, group.offsets(topic, "earliest".equals(where) ? OffsetSpec.earliest() : OffsetSpec.latest()));
        });
        if (existing.contains(topics.backfills.name())) {
          kafka.send(topics.backfills.name(), topics.userEvents.name(), null); // a fence's offsets mean nothing now
          kafka.flush();
        }
        if (existing.contains(topics.workspaceDefinitions.name())) {
          // The planner numbers versions from 1 again: a global copy must not keep a higher one from before.
          Set<String> workspaces = new TreeSet<>();
          TopicScan.scan(config.kafka().bootstrapServers(), topics.workspaceDefinitions.name(),
              r -> workspaces.add(new String(r.key(), StandardCharsets.UTF_8)));
          workspaces.forEach(w -> kafka.send(topics.workspaceDefinitions.name(), w, null));
          kafka.flush();
        }
        kafka.delete(delete);
        LocalState.clean(config);
      }
      return new Report(app, dryRun, delete, offsets, LocalState.directory(config), Guard.nextSteps(app));
    }
  }
}
