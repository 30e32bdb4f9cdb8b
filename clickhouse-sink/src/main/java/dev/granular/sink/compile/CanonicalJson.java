package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.ValueText;
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

  private CanonicalJson() {
  }

  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
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

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      String separator = "";
      for (String key : new TreeSet<>(fieldNames(node))) {
        out.append(separator).append(quote(key)).append(':');
        write(node.get(key), out);
        separator = ",";
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      out.append(quote(node.textValue()));
    } else {
      out.append(ValueText.of(node)); // numbers normalised; true/false/null as is
    }
  }

  private static TreeSet<String> fieldNames(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
