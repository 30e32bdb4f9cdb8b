package dev.granular.bench;

import dev.granular.bench.load.GeneratedDefinition;
import dev.granular.bench.load.GeneratedEvent;
import dev.granular.bench.load.LoadSink;
import java.io.IOException;

/**
 * Passes events on and drops definitions: later windows of a scenario reuse the generator for fresh events
 * while the definitions sent with the first window stay as they are (sending them again would be a change).
 */
final class EventsOnly implements LoadSink {
  private final LoadSink target;

  EventsOnly(LoadSink target) {
    this.target = target;
  }

  @Override
  public void definition(GeneratedDefinition definition) {
    // sent once, with the first window
  }

  @Override
  public void event(GeneratedEvent event) throws IOException {
    target.event(event);
  }

  @Override
  public void close() throws IOException {
    target.close();
  }
}
