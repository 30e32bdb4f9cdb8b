package dev.granular.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.fixtures.PrometheusText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions on Prometheus scrape text. */
public final class Scrapes {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private Scrapes() {}

  /**
   * The samples named {@code name} whose labels include {@code labels} (e.g. {@code priority="true"}; empty: any)
   * exist and add up to {@code expected}.
   */
  public static void assertSample(String scrape, String name, String labels, double expected) {
    Map<String, String> match = new LinkedHashMap<>();
    Matcher m = LABEL.matcher(labels);
    while (m.find()) {
      match.put(m.group(1), m.group(2));
    }
    OptionalDouble value = PrometheusText.parse(scrape).sum(name, match);
    assertTrue(value.isPresent(), name + "{" + labels + "} is not in the scrape");
    assertEquals(expected, value.getAsDouble(), 1e-9, name + "{" + labels + "}");
  }
}
