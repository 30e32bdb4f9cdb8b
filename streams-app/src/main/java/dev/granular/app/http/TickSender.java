package dev.granular.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.planner.Planner;
import dev.granular.app.topology.Topics;
import dev.granular.avro.WorkspaceTick;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends manual ticks to the ticks topic, as `granular tick` does; one producer, opened on first use. */
final class TickSender implements AutoCloseable {
  private final String bootstrap;
  private final Topics.Topic<String, WorkspaceTick> topic;
  private KafkaProducer<String, WorkspaceTick> producer;

  TickSender(String bootstrap, Topics topics) {
    this.bootstrap = bootstrap;
    this.topic = topics.workspaceTicks;
  }

  ObjectNode send(String workspace, boolean retryParked) {
    long now = System.currentTimeMillis();
    WorkspaceTick tick = new WorkspaceTick(workspace, now, retryParked ? Planner.RETRY_PARKED : "manual", null);
    try {
      RecordMetadata meta = producer().send(new ProducerRecord<>(topic.name(), workspace, tick)).get(10, TimeUnit.SECONDS);
      return Reply.object().put("workspace", workspace).put("tickAtMs", now).put("source", tick.getSource())
          .put("topic", topic.name()).put("partition", meta.partition()).put("offset", meta.offset());
    } catch (ExecutionException | TimeoutException e) {
      throw ApiError.unavailable("the tick could not be written to " + topic.name() + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while sending the tick");
    }
  }

  private synchronized KafkaProducer<String, WorkspaceTick> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
          new StringSerializer(), topic.valueSerde().serializer());
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }
}
