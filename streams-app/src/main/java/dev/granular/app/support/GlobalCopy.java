package dev.granular.app.support;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store as a copy of its compacted topic: a tombstone deletes, any other value is decoded and put.
 * Kafka Streams restores a global store fully before any stream thread starts. A value that does not decode is
 * logged and skipped: one bad record must not stop the global thread, and with it every instance.
 *
 * @param <V> the store's values
 */
public final class GlobalCopy<V> implements Processor<String, byte[], Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(GlobalCopy.class);
  private final String storeName;
  private final Function<byte[], V> decode;
  private KeyValueStore<String, V> store;

  public GlobalCopy(String storeName, Function<byte[], V> decode) {
    this.storeName = storeName;
    this.decode = decode;
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
    V value;
    try {
      value = decode.apply(record.value());
    } catch (RuntimeException e) {
      log.error("{}: ignoring an unreadable value for {}: {}", storeName, record.key(), e.getMessage());
      return;
    }
    store.put(record.key(), value);
  }
}
