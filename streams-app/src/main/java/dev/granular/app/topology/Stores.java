package dev.granular.app.topology;

import dev.granular.app.ingest.EventBufferBuilder;
import dev.granular.app.ingest.WorkspaceClock;
import dev.granular.sink.events.EventSink;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** The one registry of Granular's state stores: names and builders. */
public final class Stores {
  /** Per task: the events waiting for their ClickHouse insert. Not logged: the input topic is its log. */
  public static final String INGEST_BUFFER = "ingest-buffer";
  /** Per workspace: the processing-time floor and durable-event total. Changelogged. */
  public static final String INGEST_CLOCK = "ingest-clock";

  private Stores() {}

  public static StoreBuilder<?> ingestBuffer(Supplier<EventSink> sinks) {
    return new EventBufferBuilder(INGEST_BUFFER, sinks);
  }

  public static StoreBuilder<KeyValueStore<String, WorkspaceClock>> ingestClock() {
    return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
            org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(INGEST_CLOCK), Serdes.String(), WorkspaceClock.serde())
        .withCachingDisabled();
  }
}
