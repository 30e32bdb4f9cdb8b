package dev.granular.app.feed;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Settings shared by the producers that feed loads (`produce`, `sample-load`, the generator and benchmarks). */
public final class LoadProducerConfig {
  private LoadProducerConfig() {}

  /** A mutable map, so callers can add size settings of their own. */
  public static Map<String, Object> of(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    // One request in flight per broker: loads often go to topics created a moment ago (`migrate`, a benchmark),
    // and an idempotent producer whose first request there fails (NOT_LEADER_OR_FOLLOWER) while its second
    // succeeds then retries the first with OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591, not
    // fixed in 4.1.2). A P1 benchmark run lost two minutes and then the scenario to it.
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return props;
  }
}
