package dev.granular.bench;

import java.util.Map;

/** The app's two processing guarantees (KAFKA_PROCESSING_GUARANTEE), for measuring what exactly-once costs. */
final class Guarantees {
  static final String EXACTLY_ONCE = "exactly_once_v2";
  static final String AT_LEAST_ONCE = "at_least_once";
  static final String SETTING = "granular.kafka.processing-guarantee";

  private Guarantees() {}

  /** The guarantee a run did not use: the other side of the comparison. */
  static String other(String guarantee) {
    return EXACTLY_ONCE.equals(guarantee) ? AT_LEAST_ONCE : EXACTLY_ONCE;
  }

  static Map<String, Object> setting(String guarantee) {
    return Map.of(SETTING, guarantee);
  }
}
