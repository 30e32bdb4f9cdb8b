package dev.granular.app.definitions;

import dev.granular.avro.WorkspaceDefinitions;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of every workspace's definitions, as the planner stored them, from the compacted
 * workspace-definitions topic. The planner's own store lives on the workspace's partition only; this copy lets
 * the compute sink of any partition run a part of a split plan. It may lag the planner's store (the global
 * thread reads on its own), never lead it: the sink checks the version a task needs.
 */
public final class SharedDefinitions implements Processor<String, WorkspaceDefinitions, Void, Void> {
  private final String storeName;
  private KeyValueStore<String, WorkspaceDefinitions> store;

  public SharedDefinitions(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, WorkspaceDefinitions> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key()); // `reset` clears the topic with tombstones
      return;
    }
    store.put(record.key(), record.value()); // one writer per key (the workspace's planner task), in order
  }
}
