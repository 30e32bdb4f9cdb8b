package dev.granular.sink.events;

import java.util.List;

/** Where validated events become durable. Returns only once they are; throws when they could not be. */
@FunctionalInterface
public interface EventSink {
  void write(List<StoredEvent> batch);
}
