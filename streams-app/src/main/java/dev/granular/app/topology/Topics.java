package dev.granular.app.topology;

import dev.granular.app.config.AppConfig.TopicNames;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.UserEvent;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The one registry of Granular's topics: each name with its key and value serdes and its topic configs. */
public final class Topics {
  /** A topic and how to read and write it. */
  public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {}

  public final Topic<byte[], byte[]> userEvents;
  public final Topic<byte[], byte[]> userEventsDlq;
  public final Topic<String, IngestProgress> ingestProgress;

  public Topics(TopicNames names) {
    userEvents = new Topic<>(names.userEvents(), Serdes.ByteArray(), Serdes.ByteArray(), Map.of());
    userEventsDlq = new Topic<>(names.userEventsDlq(), Serdes.ByteArray(), Serdes.ByteArray(), Map.of());
    ingestProgress = new Topic<>(names.ingestProgress(), Serdes.String(), new AvroSerde<>(IngestProgress.class),
        Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 3600 * 1000)));
  }

  /** Serde of the internal repartition topic that co-locates each workspace's events. */
  public static Serde<UserEvent> userEventSerde() {
    return new AvroSerde<>(UserEvent.class);
  }

  /** The topics `migrate` creates; internal repartition and changelog topics are left to Kafka Streams. */
  public List<Topic<?, ?>> external() {
    return List.of(userEvents, userEventsDlq, ingestProgress);
  }
}
