package dev.granular.bench.chaos;

import dev.granular.app.topology.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends bad-input records to the app's input topics. */
public final class BadInputFeed {
  private BadInputFeed() {}

  /** Producer settings that can send the catalogue's largest record (10 MB) to topics created by `migrate`. */
  public static Map<String, Object> producerSettings(String bootstrapServers) {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_INPUT_RECORD_BYTES,
        ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * Topics.MAX_INPUT_RECORD_BYTES);
  }

  /** Sends every record and waits until the broker has them all; a failure to send is thrown, not skipped. */
  public static void send(Producer<byte[], byte[]> producer, List<BadRecord> records, String userEventsTopic,
      String definitionsTopic) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (BadRecord r : records) {
      String topic = r.target() == BadRecord.Target.USER_EVENTS ? userEventsTopic : definitionsTopic;
      sent.add(producer.send(new ProducerRecord<>(topic, r.key(), r.value())));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending bad input", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("bad input not accepted by the broker: " + e.getCause(), e.getCause());
    }
  }
}
