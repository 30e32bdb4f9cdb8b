package dev.granular.app.ingest;

import dev.granular.avro.UserEvent;

/** An input record after validation: the event when valid, else the original bytes for the dead-letter topic. */
public record Checked(UserEvent event, byte[] rejectedValue) {
  public boolean valid() {
    return event != null;
  }
}
