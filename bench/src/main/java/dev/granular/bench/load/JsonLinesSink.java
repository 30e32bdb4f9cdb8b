package dev.granular.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@value #EVENTS_FILE}: one record value per line, unchanged (replay with {@code granular produce --file}
 * or {@code kcat -P -t user-events -l}); and {@value #DEFINITIONS_FILE}: one {@code <workspaceId>/<propertyId>},
 * TAB, definition JSON per line, because the definitions topic needs its key
 * (replay with {@code kcat -P -t computed-property-definitions -K '\t' -l}). Generated JSON is compact and
 * escapes control characters, so neither a newline nor a TAB ever occurs inside a value.
 */
public final class JsonLinesSink implements LoadSink {
  public static final String EVENTS_FILE = "events.jsonl";
  public static final String DEFINITIONS_FILE = "definitions.jsonl";
  private static final int BUFFER = 1 << 20;

  private final Writer events;
  private final Writer definitions;

  public JsonLinesSink(Path directory) throws IOException {
    Files.createDirectories(directory);
    this.events = writer(directory.resolve(EVENTS_FILE));
    this.definitions = writer(directory.resolve(DEFINITIONS_FILE));
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), BUFFER);
  }

  @Override
  public void definition(GeneratedDefinition definition) throws IOException {
    definitions.write(definition.key());
    definitions.write('\t');
    definitions.write(definition.json());
    definitions.write('\n');
  }

  @Override
  public void event(GeneratedEvent event) throws IOException {
    events.write(event.json());
    events.write('\n');
  }

  @Override
  public void close() throws IOException {
    try (Writer e = events; Writer d = definitions) {
      e.flush();
      d.flush();
    }
  }
}
