package dev.granular.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.GranularApp;
import dev.granular.app.config.AppConfig;
import dev.granular.app.feed.SampleEvents;
import dev.granular.app.it.ItServices;
import dev.granular.sink.client.ClickHouse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue, mixed with valid events, through the app on the real broker and ClickHouse: every bad
 * class on its dead-letter topic with its reason and original bytes, every valid event (hostile ones included)
 * stored once and verbatim, hostile definitions answered verbatim, and the app still running on its first threads.
 */
class BadInputsIT {
  private static final int VALID = 1_000;

  @Test
  void badInputIsDeadLetteredWithItsReasonAndNothingValidIsLost() {
    AppConfig config = ItServices.isolatedConfig(Map.of());
    String runId = "bad-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> okWorkspaces = List.of(runId + "-ok-a", runId + "-ok-b");
    try {
      ItServices.migrate(config);
      try (GranularApp app = new GranularApp(config); ClickHouse clickHouse = new ClickHouse(config.clickHouse());
           KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(BadInputFeed.producerSettings(ItServices.BOOTSTRAP),
               new ByteArraySerializer(), new ByteArraySerializer())) {
        app.start();
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
        Set<String> threads = threadNames(app);

        List<BadRecord> bad = BadInputs.records(runId);
        SampleEvents sample = new SampleEvents(11, runId, System.currentTimeMillis());
        List<ProducerRecord<byte[], byte[]>> mixed = new ArrayList<>();
        for (int i = 0; i < VALID; i++) {
          mixed.add(new ProducerRecord<>(config.topics().userEvents(), sample.valid(i, okWorkspaces).toString().getBytes(StandardCharsets.UTF_8)));
          if (i < bad.size()) {
            BadRecord r = bad.get(i);
            String topic = r.target() == BadRecord.Target.USER_EVENTS ? config.topics().userEvents() : config.topics().definitions();
            mixed.add(new ProducerRecord<>(topic, r.key(), r.value()));
          }
        }
        assertTrue(bad.size() < VALID, "every bad record between valid ones");
        for (ProducerRecord<byte[], byte[]> record : mixed) {
          producer.send(record);
        }
        producer.flush();

        AtomicReference<List<ClassOutcome>> outcomes = new AtomicReference<>();
        // On a timeout Awaitility reports the last failed assertion: the table of every class.
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
          outcomes.set(BadInputCheck.check(runId, CommittedRecords.read(ItServices.BOOTSTRAP, config.topics().userEventsDlq()),
              CommittedRecords.read(ItServices.BOOTSTRAP, config.topics().definitionsDlq()), clickHouse));
          assertTrue(outcomes.get().stream().allMatch(ClassOutcome::ok), "\n" + BadInputCheck.table(outcomes.get()));
          assertEquals(VALID, validStored(clickHouse, okWorkspaces), "distinct valid events");
        });
        System.out.println(BadInputCheck.table(outcomes.get()));
        for (ClassOutcome o : outcomes.get()) {
          // exactly_once_v2 and one instance: no dead letter is written twice
          assertEquals(o.expected().startsWith("dead letter") ? o.sent() : 0, o.deadLettered(), o.name());
        }
        assertEquals(VALID, validStored(clickHouse, okWorkspaces), "distinct valid events");
        assertEquals(clickHouse.scalarLong("SELECT uniqExact(workspace_id, message_id) FROM " + clickHouse.table("user_events")),
            clickHouse.scalarLong("SELECT count() FROM " + clickHouse.table("user_events")), "every valid event stored once");
        assertEquals(KafkaStreams.State.RUNNING, app.streams().state());
        assertEquals(threads, threadNames(app), "no stream thread died and was replaced");
      }
    } finally {
      ItServices.cleanup(config);
    }
  }

  private static long validStored(ClickHouse clickHouse, List<String> workspaces) {
    return clickHouse.scalarLong("SELECT uniqExact(message_id) FROM " + clickHouse.table("user_events") + " WHERE workspace_id IN ("
        + workspaces.stream().map(dev.granular.sink.sql.Sql::string).collect(Collectors.joining(", ")) + ")");
  }

  private static Set<String> threadNames(GranularApp app) {
    return app.streams().metadataForLocalThreads().stream().map(ThreadMetadata::threadName).collect(Collectors.toSet());
  }
}
