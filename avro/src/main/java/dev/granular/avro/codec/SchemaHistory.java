package dev.granular.avro.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every schema version ever written, read from {@code avro-schemas/history/INDEX} on the classpath.
 * Decoders register them all, so a message written by an older release still resolves by fingerprint.
 */
public final class SchemaHistory {
  private static final String ROOT = "avro-schemas/history/";

  private SchemaHistory() {}

  /** Past versions of the record named {@code fullName}, oldest first. */
  public static List<Schema> versionsOf(String fullName) {
    List<Schema> out = new ArrayList<>();
    for (String file : index()) {
      Schema schema = parse(file);
      if (schema.getFullName().equals(fullName)) {
        out.add(schema);
      }
    }
    return out;
  }

  static List<String> index() {
    List<String> files = new ArrayList<>();
    try (InputStream in = open("INDEX");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          files.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static Schema parse(String file) {
    try (InputStream in = open(file)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema history file " + file, e);
    }
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(ROOT + file);
    if (in == null) {
      throw new IOException("missing classpath resource " + ROOT + file);
    }
    return in;
  }
}
