package dev.granular.sink.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes batches of events into {@code user_events} as one RowBinary insert ({@link RowBinary}), retried by the
 * policy.
 * A batch may be written more than once (retry after an unknown outcome, replay); the table and every read
 * of it are built for that, so the writer does not try to be exactly-once.
 */
public final class EventBatchWriter implements EventSink {
  private static final JsonFactory JSON = new JsonFactory();

  private final ClickHouse clickHouse;
  private final RetryPolicy retryPolicy;
  private final AtomicLong retries = new AtomicLong();

  public EventBatchWriter(ClickHouse clickHouse, RetryPolicy retryPolicy) {
    this.clickHouse = clickHouse;
    this.retryPolicy = retryPolicy;
  }

  @Override
  public void write(List<StoredEvent> batch) {
    if (batch.isEmpty()) {
      return;
    }
    byte[] body = RowBinary.encode(batch);
    retryPolicy.run("insert of " + batch.size() + " events",
        () -> clickHouse.insertRowBinary("user_events", RowBinary.COLUMNS, body), retries::incrementAndGet);
  }

  /** Failed attempts that were retried, for metrics. */
  public long retries() {
    return retries.get();
  }

  /** The same rows as JSONEachRow: what a user's own clickhouse-client would insert (the bench's machine limit). */
  public static byte[] encode(List<StoredEvent> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 256);
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      for (StoredEvent e : batch) {
        gen.writeStartObject();
        gen.writeStringField("workspace_id", e.workspaceId());
        gen.writeStringField("message_id", e.messageId());
        gen.writeStringField("type", e.type());
        gen.writeStringField("subject_id", e.subjectId());
        gen.writeStringField("user_id", e.userId() == null ? "" : e.userId());
        gen.writeStringField("anonymous_id", e.anonymousId() == null ? "" : e.anonymousId());
        gen.writeStringField("event", e.event() == null ? "" : e.event());
        gen.writeStringField("properties", e.propertiesJson());
        gen.writeStringField("traits", e.traitsJson());
        gen.writeNumberField("event_time_ms", e.eventTimeMs());
        gen.writeNumberField("processing_time_ms", e.processingTimeMs());
        gen.writeEndObject();
        gen.writeRaw('\n');
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }
}
