package dev.granular.sink.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSONPath into an event's traits or properties, as Dittofeed writes them: {@code email}, {@code a.b},
 * {@code $["value with spaces"]}, {@code items[0]}, or {@code $} for the whole object.
 *
 * <p>Only plain member and index steps are understood (what ClickHouse JSON_VALUE evaluates to one value).
 * Anything else is kept as an <em>invalid</em> path instead of throwing: Dittofeed logs such paths and
 * never matches them, and a definition with one must still load.
 *
 * @param raw   the path as written
 * @param steps member names (String) and array indexes (Integer); empty for an invalid path
 * @param valid whether {@code raw} parsed
 */
public record PropertyPath(String raw, List<Object> steps, boolean valid) {

  public PropertyPath {
    steps = List.copyOf(steps);
  }

  public static PropertyPath parse(String raw) {
    List<Object> steps = new PathReader(raw.startsWith("$") ? raw : "$." + raw).read();
    return steps == null ? new PropertyPath(raw, List.of(), false) : new PropertyPath(raw, steps, true);
  }

  /** The value at this path, or empty when absent (or the path is invalid). */
  public Optional<JsonNode> read(JsonNode root) {
    if (!valid || root == null) {
      return Optional.empty();
    }
    JsonNode current = root;
    for (Object step : steps) {
      current = step instanceof Integer index
          ? (current.isArray() ? current.get(index) : null)
          : (current.isObject() ? current.get((String) step) : null);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** One spelling per path ({@code a.b}, {@code $.a.b} and {@code $["a"]["b"]} agree), for identities. */
  public String canonical() {
    if (!valid) {
      return "!invalid:" + raw;
    }
    StringBuilder out = new StringBuilder("$");
    for (Object step : steps) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else if (((String) step).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        out.append('.').append(step);
      } else {
        out.append("[\"").append(((String) step).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
      }
    }
    return out.toString();
  }

  /** A small recursive-descent reader; returns null on any syntax it does not support. */
  private static final class PathReader {
    private final String text;
    private int pos = 1; // after '$'

    PathReader(String text) {
      this.text = text;
    }

    List<Object> read() {
      List<Object> steps = new ArrayList<>();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        Object step = c == '.' ? member() : c == '[' ? bracket() : null;
        if (step == null) {
          return null;
        }
        steps.add(step);
      }
      return steps;
    }

    private String member() {
      int start = pos;
      while (pos < text.length() && isMemberChar(text.charAt(pos))) {
        pos++;
      }
      return pos == start ? null : text.substring(start, pos);
    }

    private static boolean isMemberChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private Object bracket() {
      if (pos >= text.length()) {
        return null;
      }
      char c = text.charAt(pos);
      Object step = (c == '"' || c == '\'') ? quoted(c) : index();
      if (step == null || pos >= text.length() || text.charAt(pos) != ']') {
        return null;
      }
      pos++;
      return step;
    }

    private String quoted(char quote) {
      StringBuilder out = new StringBuilder();
      pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == quote) {
          return out.toString();
        }
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        out.append(c);
      }
      return null;
    }

    private Integer index() {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start || pos - start > 9) {
        return null;
      }
      return Integer.valueOf(text.substring(start, pos));
    }
  }
}
