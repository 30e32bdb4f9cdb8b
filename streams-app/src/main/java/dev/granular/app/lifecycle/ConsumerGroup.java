package dev.granular.app.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** One of the application's consumer groups (StreamsRole) as the lifecycle commands see it: members, offsets, and offset resets. */
final class ConsumerGroup {
  private final Admin admin;
  private final String groupId;

  ConsumerGroup(Admin admin, String groupId) {
    this.admin = admin;
    this.groupId = groupId;
  }

  /** "clientId@host" of every member alive now; empty when the group is empty or unknown. */
  List<String> liveMembers() {
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get();
      List<String> out = new ArrayList<>();
      group.members().forEach(m -> out.add(m.clientId() + "@" + m.host()));
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LifecycleException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw new LifecycleException("cannot describe consumer group " + groupId + ": " + e.getCause().getMessage());
    }
  }

  /** Committed offsets of {@code topic}'s partitions; a partition never committed is absent. */
  Map<Integer, Long> committed(String topic) {
    Map<Integer, Long> out = new TreeMap<>();
    Map<TopicPartition, OffsetAndMetadata> all = get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    all.forEach((tp, om) -> {
      if (tp.topic().equals(topic) && om != null) {
        out.put(tp.partition(), om.offset());
      }
    });
    return out;
  }

  /** Per partition, the offset of {@code spec}; a timestamp past the last record gives the end offset. */
  Map<Integer, Long> offsets(String topic, OffsetSpec spec) {
    int partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> request = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
    Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), spec);
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    var found = get(admin.listOffsets(request).all());
    var ends = get(admin.listOffsets(latest).all());
    Map<Integer, Long> out = new TreeMap<>();
    found.forEach((tp, info) -> out.put(tp.partition(), info.offset() < 0 ? ends.get(tp).offset() : info.offset()));
    return out;
  }

  /** Fails while the group has members: the broker itself refuses to move an active group's offsets. */
  void reset(String topic, Map<Integer, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> request = new java.util.HashMap<>();
    offsets.forEach((p, o) -> request.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
    get(admin.alterConsumerGroupOffsets(groupId, request).all());
  }

  /** Forgets the committed offsets of {@code topic}; the broker refuses while a member is subscribed to it. */
  void forget(String topic, java.util.Set<Integer> partitions) {
    java.util.Set<TopicPartition> request = new java.util.HashSet<>();
    partitions.forEach(p -> request.add(new TopicPartition(topic, p)));
    get(admin.deleteConsumerGroupOffsets(groupId, request).all());
  }

  private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    return Kafka.wait(future, "group " + groupId + ": ");
  }
}
