package dev.granular.bench.load;

import dev.granular.app.feed.LoadProducerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events, unkeyed as {@code granular produce} sends them (the app repartitions by workspace itself),
 * and definitions keyed {@code <workspaceId>/<propertyId>}. Sends are asynchronous; the first failure is
 * kept and thrown by {@link #close()}, so a run never reports records the broker did not take.
 */
public final class KafkaLoadSink implements LoadSink {
  private final Producer<byte[], byte[]> producer;
  private final String eventsTopic;
  private final String definitionsTopic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback onAck = (metadata, e) -> {
    if (e != null) {
      failure.compareAndSet(null, e);
    }
  };

  public KafkaLoadSink(Producer<byte[], byte[]> producer, String eventsTopic, String definitionsTopic) {
    this.producer = producer;
    this.eventsTopic = eventsTopic;
    this.definitionsTopic = definitionsTopic;
  }

  /** A producer tuned for bulk sends; requests fit the oversized invalid records. */
  public static KafkaLoadSink open(String bootstrapServers, String eventsTopic, String definitionsTopic,
      int maxPayloadBytes) {
    Map<String, Object> props = LoadProducerConfig.of(bootstrapServers);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(4 * 1024 * 1024, 2 * maxPayloadBytes));
    return new KafkaLoadSink(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()),
        eventsTopic, definitionsTopic);
  }

  @Override
  public void definition(GeneratedDefinition definition) throws IOException {
    send(new ProducerRecord<>(definitionsTopic, definition.key().getBytes(StandardCharsets.UTF_8),
        definition.json().getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void event(GeneratedEvent event) throws IOException {
    send(new ProducerRecord<>(eventsTopic, event.bytes()));
  }

  private void send(ProducerRecord<byte[], byte[]> record) throws IOException {
    throwIfFailed();
    producer.send(record, onAck);
  }

  private void throwIfFailed() throws IOException {
    Exception e = failure.get();
    if (e != null) {
      throw new IOException("send failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    throwIfFailed();
  }
}
