package dev.granular.app.cli;

import dev.granular.app.topology.TopicScan;
import dev.granular.app.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Counts the records of a dead-letter topic by their reason header. */
final class DeadLetters {
  private DeadLetters() {}

  static Map<String, Long> countByReason(String bootstrap, String topic) {
    Map<String, Long> counts = new TreeMap<>();
    TopicScan.scan(bootstrap, topic, r -> {
      var reason = r.headers().lastHeader(DeadLetterHeaders.REASON);
      counts.merge(reason == null ? "(no reason header)" : new String(reason.value(), StandardCharsets.UTF_8), 1L, Long::sum);
    });
    return counts;
  }
}
