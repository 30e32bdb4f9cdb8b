package dev.granular.app.topology;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builder for the stores that exist only for their flush-before-commit hook (the ingest buffer, the compute
 * slots). They are never changelogged or cached: their input topic is their log.
 */
public final class UnloggedStoreBuilder<T extends StateStore> implements StoreBuilder<T> {
  private final String name;
  private final Supplier<T> stores;

  public UnloggedStoreBuilder(String name, Supplier<T> stores) {
    this.name = name;
    this.stores = stores;
  }

  @Override
  public StoreBuilder<T> withCachingEnabled() {
    throw new UnsupportedOperationException(name + " is never cached");
  }

  @Override
  public StoreBuilder<T> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
    throw new UnsupportedOperationException(name + " is not changelogged: its input topic is its log");
  }

  @Override
  public StoreBuilder<T> withLoggingDisabled() {
    return this;
  }

  @Override
  public T build() {
    return stores.get();
  }

  @Override
  public Map<String, String> logConfig() {
    return Map.of();
  }

  @Override
  public boolean loggingEnabled() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }
}
