package dev.granular.bench;

import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.Topics;
import dev.granular.avro.PlannerState;
import dev.granular.avro.WorkspaceTick;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Drives and watches a running app through its topics only: sends ticks as `granular tick` does, and waits on
 * the planner's state (read from its changelog, as `granular status` does) with a bound on every wait.
 */
final class PlannerWatch implements AutoCloseable {
  private final AppConfig config;
  private final AppProcess app;
  private final KafkaProducer<String, WorkspaceTick> producer;
  private final String ticksTopic;

  PlannerWatch(AppConfig config, AppProcess app) {
    this.config = config;
    this.app = app;
    Topics topics = new Topics(config.topics());
    this.ticksTopic = topics.workspaceTicks.name();
    this.producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
        topics.workspaceTicks.valueSerde().serializer());
  }

  /** One tick per workspace, all with the same time; returns that time once the broker has them all. */
  long tickAll(Collection<String> workspaces) {
    long now = System.currentTimeMillis();
    for (String w : workspaces) {
      producer.send(new ProducerRecord<>(ticksTopic, w, new WorkspaceTick(w, now, "bench", null)));
    }
    producer.flush();
    return now;
  }

  /** Waits until {@code done} holds for the states of all {@code workspaces}; returns whether it did in time. */
  boolean await(Collection<String> workspaces, Predicate<PlannerState> done, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      app.requireAlive();
      Map<String, PlannerState> states = PlannerSnapshot.read(config).states();
      if (workspaces.stream().allMatch(w -> states.containsKey(w) && done.test(states.get(w)))) {
        return true;
      }
      Thread.sleep(1_000);
    }
    return false;
  }

  /**
   * Waits until the planner has heard of {@code expected} durable events over all workspaces, and every input
   * partition's watermark has passed them (so a tick's window covers them); returns what it heard.
   */
  long awaitDurable(long expected, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    long durable = 0;
    while (System.currentTimeMillis() < deadline) {
      app.requireAlive();
      var states = PlannerSnapshot.read(config).states().values();
      durable = states.stream().mapToLong(PlannerState::getEventsTotal).sum();
      if (durable >= expected && states.stream().noneMatch(dev.granular.app.planner.Planner::awaitsWatermark)) {
        break;
      }
      Thread.sleep(1_000);
    }
    return durable;
  }

  /** Settled for a tick: the tick was seen and nothing is in flight (a coalesced tick would have started a plan). */
  static Predicate<PlannerState> settledAfter(long tickAtMs) {
    return s -> s.getLastTickMs() >= tickAtMs && (s.getInFlight() == null || s.getInFlight().getParked());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
