package dev.granular.app.ingest;

import dev.granular.avro.UserEvent;

/** Either a valid event or the reason it was rejected, never both. */
public sealed interface ParseResult {
  record Valid(UserEvent event) implements ParseResult {}

  record Rejected(RejectReason reason, String detail) implements ParseResult {}

  static ParseResult reject(RejectReason reason, String detail) {
    return new Rejected(reason, detail);
  }
}
