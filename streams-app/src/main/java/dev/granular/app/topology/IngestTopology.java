package dev.granular.app.topology;

import dev.granular.app.config.AppConfig;
import dev.granular.app.dlq.Checked;
import dev.granular.app.ingest.EventParser;
import dev.granular.app.ingest.IngestWriter;
import dev.granular.app.ingest.MeteredEventSink;
import dev.granular.app.ingest.ReplayFence;
import dev.granular.app.ingest.ValidateProcessor;
import dev.granular.app.support.GlobalCopy;
import dev.granular.avro.UserEvent;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds the production ingest topology ({@link StreamsRole#INGEST}): user events validated, written to ClickHouse
 * in batches, the invalid ones to their dead-letter topic, and each batch's progress published for the planner.
 */
public final class IngestTopology {
  private IngestTopology() {}

  public static Topology build(AppConfig config, GranularTopology.Dependencies deps) {
    Topics topics = new Topics(config.topics());
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsRole.INGEST.properties(config))));
    ingest(builder, config, topics, deps);
    return builder.build();
  }

  private static void ingest(StreamsBuilder builder, AppConfig config, Topics topics, GranularTopology.Dependencies deps) {
    AppConfig.IngestSettings ingest = config.ingest();
    builder.addGlobalStore(Stores.backfillFences(), topics.backfills.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("backfill-fences-update"),
        () -> new GlobalCopy<>(Stores.BACKFILL_FENCES, ReplayFence::fromJson));
    EventParser parser = new EventParser(ingest.maxPayloadBytes(), ingest.maxFieldLength());
    KStream<byte[], Checked<UserEvent>> valid = DeadLetterRoute.valid(builder
        .stream(topics.userEvents.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("user-events-source"))
        .process(() -> new ValidateProcessor(parser, deps.metrics().ingest(), topics.userEvents.name(), Stores.BACKFILL_FENCES),
            Named.as("ingest-validate")), "ingest", topics.userEventsDlq.name(), "user-events-dlq-sink");

    builder.addStateStore(Stores.ingestBuffer(MeteredEventSink.of(deps.eventSinks(), deps.metrics().ingest())));
    builder.addStateStore(Stores.ingestClock());
    // No repartition by workspace: each input partition's writer keeps its own clock and publishes its watermark
    // to every planner partition (heartbeats have no key), which takes the lowest (see IngestWriter).
    valid
        .mapValues(Checked::value, Named.as("ingest-valid-event"))
        .process(() -> new IngestWriter(Stores.INGEST_BUFFER, Stores.INGEST_CLOCK, ingest.batchSize(), ingest.flushInterval(),
                deps.wallClock()),
            Named.as("ingest-writer"), Stores.INGEST_BUFFER, Stores.INGEST_CLOCK)
        .to(topics.ingestProgress.name(), Produced.with(Serdes.String(), topics.ingestProgress.valueSerde())
            .withStreamPartitioner((topic, workspace, progress, partitions) -> workspace != null ? Optional.empty()
                : Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet())))
            .withName("ingest-progress-sink"));
  }

}
