package dev.granular.app.ingest;

import dev.granular.sink.events.EventSink;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds one {@link EventBuffer} per task; each gets its own sink from the supplier. Never logged or cached. */
public final class EventBufferBuilder implements StoreBuilder<EventBuffer> {
  private final String name;
  private final Supplier<EventSink> sinks;

  public EventBufferBuilder(String name, Supplier<EventSink> sinks) {
    this.name = name;
    this.sinks = sinks;
  }

  @Override
  public StoreBuilder<EventBuffer> withCachingEnabled() {
    throw new UnsupportedOperationException("the event buffer is never cached");
  }

  @Override
  public StoreBuilder<EventBuffer> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<EventBuffer> withLoggingEnabled(Map<String, String> config) {
    throw new UnsupportedOperationException("the event buffer is not changelogged: the input topic is its log");
  }

  @Override
  public StoreBuilder<EventBuffer> withLoggingDisabled() {
    return this;
  }

  @Override
  public EventBuffer build() {
    return new EventBuffer(name, sinks.get());
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
