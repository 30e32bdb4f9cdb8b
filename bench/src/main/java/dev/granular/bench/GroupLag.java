package dev.granular.bench;

import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How many records of a topic a consumer group has not yet committed: the app's ingest backlog, for P6. */
public final class GroupLag implements AutoCloseable {
  private final Admin admin;
  private final String group;
  private final String topic;

  GroupLag(String bootstrap, String group, String topic) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    this.group = group;
    this.topic = topic;
  }

  /** A group's position on a topic: records not yet committed, and records committed, over all its partitions. */
  public record Backlog(long lag, long committed) {}

  /** End offsets minus committed ones over the topic's partitions; a partition never committed counts whole. */
  OptionalLong records() {
    try {
      return OptionalLong.of(of(admin, group, topic).lag());
    } catch (Exception e) {
      System.err.println("bench: could not read the lag of " + group + " on " + topic + ": " + e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return OptionalLong.empty();
    }
  }

  /** Read from the broker with the caller's admin client (its timeouts); a partition never committed counts from 0. */
  public static Backlog of(Admin admin, String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get();
    var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<TopicPartition, OffsetSpec> latest = partitions.stream()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    long lag = 0;
    long done = 0;
    for (var e : admin.listOffsets(latest).all().get().entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
      done += c == null ? 0 : c.offset();
    }
    return new Backlog(lag, done);
  }

  @Override
  public void close() {
    admin.close();
  }
}
