package dev.granular.app.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates Granular's topics when missing. Existing topics are left as they are, except that a record size limit
 * below the declared one is raised: the app relies on it to dead-letter oversized input rather than fail on it.
 */
public final class TopicAdmin implements AutoCloseable {
  private final Admin admin;

  public TopicAdmin(String bootstrapServers) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  /** @return the names created by this call */
  public List<String> ensure(List<Topics.Topic<?, ?>> topics, int partitions, short replication) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      raiseSizeLimits(topics.stream().filter(t -> existing.contains(t.name())).toList());
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Topic<?, ?> topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(new NewTopic(topic.name(), partitions, replication).configs(topic.configs()));
        }
      }
      if (missing.isEmpty()) {
        return List.of();
      }
      List<String> created = new ArrayList<>();
      List<String> raced = new ArrayList<>();
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get();
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
          raced.add(entry.getKey()); // created by someone else, not yet in this broker's metadata
        }
      }
      List<String> visible = new ArrayList<>(created);
      visible.addAll(raced);
      awaitLeaders(visible);
      raiseSizeLimits(topics.stream().filter(t -> raced.contains(t.name())).toList());
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void raiseSizeLimits(List<Topics.Topic<?, ?>> existing) throws InterruptedException, ExecutionException {
    String key = TopicConfig.MAX_MESSAGE_BYTES_CONFIG;
    List<ConfigResource> declared = existing.stream().filter(t -> t.configs().containsKey(key))
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
    if (declared.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> current = admin.describeConfigs(declared).all().get();
    Map<ConfigResource, Collection<AlterConfigOp>> raises = new HashMap<>();
    for (Topics.Topic<?, ?> topic : existing) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
      String wanted = topic.configs().get(key);
      ConfigEntry now = current.containsKey(resource) ? current.get(resource).get(key) : null;
      if (wanted != null && (now == null || Long.parseLong(now.value()) < Long.parseLong(wanted))) {
        raises.put(resource, List.of(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET)));
      }
    }
    if (!raises.isEmpty()) {
      admin.incrementalAlterConfigs(raises).all().get();
    }
  }

  /** New topics are usable once every partition has a leader; producing earlier only earns retries. */
  private void awaitLeaders(List<String> topics) throws InterruptedException, ExecutionException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!topics.isEmpty() && System.currentTimeMillis() < deadline) {
      boolean ready = true;
      try {
        for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
          ready &= description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        }
      } catch (ExecutionException e) {
        ready = false; // not visible in metadata yet
      }
      if (ready) {
        return;
      }
      Thread.sleep(100);
    }
  }

  /** The topic's partition count, or empty when it does not exist (yet). */
  public java.util.OptionalInt partitionCount(String topic) {
    try {
      if (!admin.listTopics().names().get().contains(topic)) {
        return java.util.OptionalInt.empty();
      }
      return java.util.OptionalInt.of(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  public void delete(List<String> names) throws ExecutionException, InterruptedException {
    admin.deleteTopics(names).all().get();
  }

  @Override
  public void close() {
    admin.close();
  }
}
