package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import dev.granular.app.ingest.Checked;
import dev.granular.app.ingest.EventParser;
import dev.granular.app.ingest.IngestWriter;
import dev.granular.app.ingest.ValidateProcessor;
import dev.granular.app.metrics.IngestMetrics;
import dev.granular.avro.IngestProgress;
import dev.granular.avro.UserEvent;
import dev.granular.sink.events.EventSink;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the production topology. Kept apart from main and config loading so tests build exactly this.
 * Every processor, store and topic is named (the app sets ensure.explicit.internal.resource.naming).
 */
public final class GranularTopology {
  /** What the topology needs from outside Kafka: where events become durable, and the clock. */
  public record Dependencies(Supplier<EventSink> eventSinks, LongSupplier wallClock, IngestMetrics ingestMetrics) {}

  private GranularTopology() {}

  public static Topology build(AppConfig config, Dependencies deps) {
    Topics topics = new Topics(config.topics());
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsProperties.from(config))));
    ingest(builder, config, topics, deps);
    return builder.build();
  }

  private static void ingest(StreamsBuilder builder, AppConfig config, Topics topics, Dependencies deps) {
    AppConfig.IngestSettings ingest = config.ingest();
    EventParser parser = new EventParser(ingest.maxPayloadBytes(), ingest.maxFieldLength());

    KStream<byte[], Checked> checked = builder
        .stream(topics.userEvents.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("user-events-source"))
        .process(() -> new ValidateProcessor(parser, deps.ingestMetrics()), Named.as("ingest-validate"));

    Map<String, KStream<byte[], Checked>> branches = checked
        .split(Named.as("ingest-route-"))
        .branch((key, value) -> value.valid(), Branched.as("valid"))
        .defaultBranch(Branched.as("rejected"));

    branches.get("ingest-route-rejected")
        .mapValues(Checked::rejectedValue, Named.as("ingest-rejected-payload"))
        .to(topics.userEventsDlq.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("user-events-dlq-sink"));

    builder.addStateStore(Stores.ingestBuffer(deps.eventSinks()));
    builder.addStateStore(Stores.ingestClock());

    // Repartition by workspace: a workspace's events then meet in one task, so its processing time is a
    // single monotonic clock and its ingest watermark is exact.
    branches.get("ingest-route-valid")
        .map((key, value) -> KeyValue.pair(value.event().getWorkspaceId(), value.event()), Named.as("ingest-key-by-workspace"))
        .repartition(Repartitioned.<String, UserEvent>as("ingest-by-workspace")
            .withKeySerde(Serdes.String()).withValueSerde(Topics.userEventSerde()))
        .process(() -> new IngestWriter(Stores.INGEST_BUFFER, Stores.INGEST_CLOCK, ingest.batchSize(), ingest.flushInterval(),
                deps.wallClock(), deps.ingestMetrics()),
            Named.as("ingest-writer"), Stores.INGEST_BUFFER, Stores.INGEST_CLOCK)
        .to(topics.ingestProgress.name(), Produced.<String, IngestProgress>with(Serdes.String(), topics.ingestProgress.valueSerde())
            .withName("ingest-progress-sink"));
  }
}
