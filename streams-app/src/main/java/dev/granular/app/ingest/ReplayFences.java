package dev.granular.app.ingest;

import java.io.UncheckedIOException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of replay fences, one per input topic, from the compacted backfills topic. Kafka
 * Streams restores a global store fully before any stream thread starts, so every task sees the fence at init.
 */
public final class ReplayFences implements Processor<String, byte[], Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(ReplayFences.class);
  private final String storeName;
  private KeyValueStore<String, ReplayFence> store;

  public ReplayFences(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    try {
      store.put(record.key(), ReplayFence.fromJson(record.value()));
    } catch (UncheckedIOException e) {
      // Only `granular backfill` writes here; a record it cannot read must not stop the global thread.
      log.error("ignoring an unreadable replay fence for {}: {}", record.key(), e.getMessage());
    }
  }
}
