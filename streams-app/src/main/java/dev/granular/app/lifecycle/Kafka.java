package dev.granular.app.lifecycle;

import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.app.topology.Topics;
import dev.granular.avro.WorkspaceTick;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients of one lifecycle command: an admin, and a producer made only when something is written. */
final class Kafka implements AutoCloseable {
  private final AppConfig config;
  private final Admin admin;
  private KafkaProducer<String, byte[]> producer;

  Kafka(AppConfig config) {
    this.config = config;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  /** The consumer group of one of the application's clients (its application id). */
  ConsumerGroup group(StreamsRole role) {
    return new ConsumerGroup(admin, role.applicationId(config));
  }

  Set<String> topicNames() {
    return wait(admin.listTopics().names());
  }

  /** Deletes exactly these topics and waits until the controller accepted it. */
  void delete(List<String> names) {
    if (!names.isEmpty()) {
      wait(admin.deleteTopics(names).all());
    }
  }

  /** Creates the topic and waits until the controller accepted it. */
  void create(org.apache.kafka.clients.admin.NewTopic topic) {
    wait(admin.createTopics(List.of(topic)).all());
  }

  void ensure(Topics.Topic<?, ?> topic) {
    try (TopicAdmin topics = new TopicAdmin(config.kafka().bootstrapServers())) {
      topics.ensure(List.of(topic), config.kafka().partitions(), config.kafka().replicationFactor());
    }
  }

  void send(String topic, String key, byte[] value) {
    wait(producer().send(new ProducerRecord<>(topic, key, value)));
  }

  void tick(Topics topics, String workspace, long nowMs, String source, Long rewindToMs) {
    byte[] tick = topics.workspaceTicks.valueSerde().serializer().serialize(topics.workspaceTicks.name(),
        new WorkspaceTick(workspace, nowMs, source, rewindToMs));
    send(topics.workspaceTicks.name(), workspace, tick);
  }

  void flush() {
    if (producer != null) {
      producer.flush();
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  /** The future's value; a failure becomes a {@link LifecycleException} whose message starts with {@code what}. */
  static <T> T wait(java.util.concurrent.Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LifecycleException(what + "interrupted");
    } catch (ExecutionException e) {
      throw new LifecycleException(what + e.getCause().getMessage());
    }
  }

  private static <T> T wait(java.util.concurrent.Future<T> future) {
    return wait(future, "");
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close();
    }
    admin.close();
  }
}
