package dev.granular.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The samples of a Prometheus text exposition (format 0.0.4), as the app's GET /metrics serves it; just
 * enough to read counters back: comments are skipped, label values unescaped, NaN and ±Inf understood.
 */
public record PrometheusText(List<Sample> samples) {
  public record Sample(String name, Map<String, String> labels, double value) {}

  public static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(sample(line.strip()));
      }
    }
    return new PrometheusText(List.copyOf(out));
  }

  /** The sum of every sample of {@code name} whose labels include {@code match}; empty when there is none. */
  public OptionalDouble sum(String name, Map<String, String> match) {
    boolean found = false;
    double total = 0;
    for (Sample s : samples) {
      if (s.name.equals(name) && s.labels.entrySet().containsAll(match.entrySet())) {
        found = true;
        total += s.value;
      }
    }
    return found ? OptionalDouble.of(total) : OptionalDouble.empty();
  }

  static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    int i;
    String name;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      i = labels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      i = space;
    }
    String[] rest = line.substring(i).strip().split("\\s+"); // value, then an optional timestamp
    return new Sample(name, Map.copyOf(labels), value(rest[0]));
  }

  /** Reads {@code k="v",...}} from {@code i}; returns the index after the closing brace. */
  private static int labels(String line, int i, Map<String, String> into) {
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // past ="
      for (char c = line.charAt(j); c != '"'; c = line.charAt(j)) {
        if (c == '\\') {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
        j++;
      }
      into.put(key, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
