package dev.granular.sink.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.ValueText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * One text per JSON value (keys sorted, no spaces, 20.0 written as 20), and its SHA-256: the identity of
 * compiled criteria and leaves. Key order and number spelling in the source thus never change an identity.
 */
public final class CanonicalJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private CanonicalJson() {
  }

  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string", e);
    }
    return out.toString();
  }

  public static String identity(JsonNode node) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(node).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isObject()) {
      out.writeStartObject();
      for (String key : new TreeSet<>(fieldNames(node))) {
        out.writeFieldName(key);
        write(node.get(key), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (int i = 0; i < node.size(); i++) {
        write(node.get(i), out);
      }
      out.writeEndArray();
    } else if (node.isTextual()) {
      out.writeString(node.textValue());
    } else {
      out.writeRawValue(ValueText.of(node)); // numbers normalised; true/false/null as is
    }
  }

  private static TreeSet<String> fieldNames(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
