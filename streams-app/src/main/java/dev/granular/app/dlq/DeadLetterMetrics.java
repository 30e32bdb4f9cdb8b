package dev.granular.app.dlq;

import dev.granular.sink.definitions.DefinitionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records sent to a dead-letter topic, by the topic's role and the {@code granular.reason} header. Every reason
 * is known in advance and registered at zero (so dashboards show it before it happens); a reason outside the
 * catalogue counts as "other", which keeps the label set bounded.
 */
public final class DeadLetterMetrics {
  /** Which dead-letter topic, by role: topic names are configurable, roles are not. */
  public enum Source {
    EVENTS, DEFINITIONS, TASKS;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String UNDECODABLE_TASK = "undecodable_task";
  public static final String PARKED = "parked";
  public static final String WORKSPACE_COMPILE_ERROR = "workspace_compile_error";
  /** What {@code DefinitionsValidateProcessor} stamps besides {@link DefinitionException.Reason}s. */
  public static final List<String> DEFINITION_CHECKS = List.of("bad_key", "key_mismatch", "invalid_definition",
      WORKSPACE_COMPILE_ERROR);

  private final Map<Source, Map<String, Counter>> counters = new EnumMap<>(Source.class);

  /** @param eventReasons what ingest validation stamps on rejected events (ingest owns that catalogue) */
  public DeadLetterMetrics(MeterRegistry registry, List<String> eventReasons) {
    for (Source source : Source.values()) {
      Map<String, Counter> byReason = new HashMap<>();
      for (String reason : catalogue(source, eventReasons)) {
        byReason.put(reason, Counter.builder("granular.dead.letters").description("records sent to a dead-letter topic")
            .tag("source", source.tag()).tag("reason", reason).register(registry));
      }
      counters.put(source, Map.copyOf(byReason));
    }
  }

  static List<String> catalogue(Source source, List<String> eventReasons) {
    List<String> reasons = new ArrayList<>(List.of("other"));
    switch (source) {
      case EVENTS -> reasons.addAll(eventReasons);
      case DEFINITIONS -> {
        List.of(DefinitionException.Reason.values()).forEach(r -> reasons.add(r.name().toLowerCase(Locale.ROOT)));
        reasons.addAll(DEFINITION_CHECKS);
      }
      case TASKS -> reasons.addAll(List.of(UNDECODABLE_TASK, PARKED));
    }
    return reasons;
  }

  public void sent(Source source, String reason) {
    Map<String, Counter> byReason = counters.get(source);
    byReason.getOrDefault(reason, byReason.get("other")).increment();
  }

  public double count(Source source, String reason) {
    return counters.get(source).getOrDefault(reason, counters.get(source).get("other")).count();
  }
}
