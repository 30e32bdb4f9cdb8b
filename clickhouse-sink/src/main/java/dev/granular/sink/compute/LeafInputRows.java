package dev.granular.sink.compute;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Plain input rows for the three state families, as JSONEachRow bodies for their Null input tables. The
 * bodies are bound data, never SQL text, so hostile ids and values need no escaping here.
 */
final class LeafInputRows {
  /** Marks a value that is not a timestamp (Int64 column; every real time is far above it). */
  static final long NO_TIME = Long.MIN_VALUE;

  private static final JsonFactory JSON = new JsonFactory();

  private String workspaceId;
  private final ByteArrayOutputStream latest = new ByteArrayOutputStream();
  private final ByteArrayOutputStream counts = new ByteArrayOutputStream();
  private final ByteArrayOutputStream history = new ByteArrayOutputStream();
  private long rows;

  LeafInputRows(String workspaceId) {
    this.workspaceId = workspaceId;
  }

  /** Rows added from now on are the workspace's: one buffer may carry a batch of workspaces' rows. */
  LeafInputRows workspace(String id) {
    workspaceId = id;
    return this;
  }

  void latest(int leaf, String user, long timeMs, String messageId, String text, String json, long valueTimeMs) {
    write(latest, leaf, user, g -> {
      g.writeNumberField("event_time_ms", timeMs);
      g.writeStringField("message_id", messageId);
      g.writeStringField("value_text", text);
      g.writeStringField("value_json", json);
      g.writeNumberField("value_time_ms", valueTimeMs);
    });
  }

  void count(int leaf, String user, long bucket, String messageId) {
    write(counts, leaf, user, g -> {
      g.writeNumberField("bucket", bucket);
      g.writeStringField("message_id", messageId);
    });
  }

  void history(int leaf, String user, long timeMs, String messageId, String payload) {
    write(history, leaf, user, g -> {
      g.writeNumberField("event_time_ms", timeMs);
      g.writeStringField("message_id", messageId);
      g.writeStringField("payload", payload);
    });
  }

  long rows() {
    return rows;
  }

  long bytes() {
    return (long) latest.size() + counts.size() + history.size();
  }

  /** Inserts what is buffered and starts empty again. */
  long flush(Retrying clickHouse) {
    clickHouse.insert("leaf_latest_input", latest.toByteArray());
    clickHouse.insert("leaf_counts_input", counts.toByteArray());
    clickHouse.insert("leaf_history_input", history.toByteArray());
    latest.reset();
    counts.reset();
    history.reset();
    long written = rows;
    rows = 0;
    return written;
  }

  private interface Fields {
    void write(JsonGenerator generator) throws IOException;
  }

  private void write(ByteArrayOutputStream out, int leaf, String user, Fields fields) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("workspace_id", workspaceId);
      g.writeNumberField("leaf_id", leaf);
      g.writeStringField("user_id", user);
      fields.write(g);
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows++;
  }
}
