package dev.granular.app.it;

import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import dev.granular.app.GranularApp;
import dev.granular.app.cli.GranularCli;
import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.topology.StreamsRole;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.PlannerState;
import dev.granular.sink.client.ClickHouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** An application with two computed workspaces, and the reads a backfill test compares before and after. */
final class BackfillFixture {
  final Map<String, Object> settings;
  final AppConfig config;
  final Path configFile;

  BackfillFixture() throws IOException {
    settings = ItServices.isolatedSettings(Map.of("granular.planner.scheduler-interval", "0s"));
    config = AppConfig.load(null, settings);
    configFile = Files.createTempFile("granular-backfill-", ".conf");
    Files.writeString(configFile, ConfigFactory.parseMap(settings).root().render(ConfigRenderOptions.concise()));
    ItServices.migrate(config);
  }

  /**
   * Events three days old, so the windowed segment is empty and stays so: answers cannot drift with time.
   * Their messageIds start with {@code batch}, so batches of one workspace never share an id.
   */
  static List<byte[]> events(String workspace, String batch, int n, long seed) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] e : ComputeFixture.events(workspace, n, 120, seed, System.currentTimeMillis() - Duration.ofDays(3).toMillis())) {
      try {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) ComputeFixture.JSON.readTree(e);
        json.put("messageId", batch + "-" + json.get("messageId").asText());
        out.add(json.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    }
    return out;
  }

  /** Produces with an explicit record timestamp: what `backfill --from` selects by. */
  void produceAt(List<byte[]> values, long timestampMs) {
    try (KafkaProducer<byte[], byte[]> producer = ItServices.producer()) {
      values.forEach(v -> producer.send(new ProducerRecord<>(config.topics().userEvents(), null, timestampMs, null, v)));
      producer.flush();
    }
  }

  PlannerState state(String workspace) {
    PlannerState s = PlannerSnapshot.read(config).states().get(workspace);
    return s == null ? dev.granular.app.planner.Planner.fresh(workspace) : s;
  }

  void awaitIngested(String workspace, long total) {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> ComputeFixture.readyToTick(state(workspace), total));
  }

  /** Ticks until the workspace is computed up to its watermark, with every durable event counted. */
  PlannerState compute(String workspace, long total) throws Exception {
    awaitIngested(workspace, total);
    ComputeFixture.tick(config, workspace, System.currentTimeMillis());
    return ComputeFixture.awaitComputed(config, workspace, total, Duration.ofMinutes(3));
  }

  /** Waits until the group has consumed every user event (committed = end on every partition). */
  void awaitCaughtUp() {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
        var committed = admin.listConsumerGroupOffsets(StreamsRole.INGEST.applicationId(config)).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < config.kafka().partitions(); p++) {
          latest.put(new TopicPartition(config.topics().userEvents(), p), OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() == e.getValue().offset()));
      }
    });
  }

  /** Distinct messageIds of a workspace stored with a processing time at or after {@code sinceMs}, and how many start with {@code prefix}. */
  long[] stored(ClickHouse clickHouse, String workspace, long sinceMs, String prefix) {
    String quoted = dev.granular.sink.sql.Sql.string(prefix);
    String[] row = clickHouse.rows("SELECT uniqExact(message_id), uniqExactIf(message_id, substring(message_id, 1, length(" + quoted
        + ")) = " + quoted + ") FROM " + clickHouse.table("user_events")
        + " WHERE workspace_id = " + dev.granular.sink.sql.Sql.string(workspace) + " AND processing_time_ms >= " + sinceMs).get(0);
    return new long[] {Long.parseLong(row[0]), Long.parseLong(row[1])};
  }

  /** Committed offsets of the application's groups and the end offsets of the ticks and backfills topics. */
  Map<String, Long> offsets() throws Exception {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
      // Not the progress topic: every input partition's heartbeat moves the planner along it once a flush
      // interval, even with no events (that is how an idle partition lets the others' watermark advance).
      for (StreamsRole role : StreamsRole.values()) {
        admin.listConsumerGroupOffsets(role.applicationId(config)).partitionsToOffsetAndMetadata().get()
            .forEach((tp, om) -> {
              if (!tp.topic().equals(config.topics().ingestProgress())) {
                out.put("committed " + role + " " + tp, om == null ? -1 : om.offset());
              }
            });
      }
      Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
      for (String topic : List.of(config.topics().workspaceTicks(), config.topics().backfills())) {
        for (int p = 0; p < config.kafka().partitions(); p++) {
          ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      admin.listOffsets(ends).all().get().forEach((tp, info) -> out.put("end " + tp, info.offset()));
    }
    return out;
  }

  List<AssignmentChange> changes() {
    List<AssignmentChange> out = new ArrayList<>();
    var serde = new AvroSerde<>(AssignmentChange.class);
    dev.granular.app.topology.TopicScan.scan(config.kafka().bootstrapServers(), config.topics().assignments(),
        r -> out.add(serde.deserializer().deserialize(config.topics().assignments(), r.value())));
    return out;
  }

  record CliRun(int code, String out, String err) {}

  /** A closed instance leaves both groups at once; a killed one only when its sessions time out. */
  void awaitGroupEmpty() {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
        for (StreamsRole role : StreamsRole.values()) {
          String group = role.applicationId(config);
          if (!admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().isEmpty()) {
            return false;
          }
        }
        return true;
      }
    });
  }

  /** Runs the CLI as a user would, with this application's config file. */
  CliRun cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = configFile.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = GranularCli.execute(all);
      return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  GranularApp start() {
    GranularApp app = new GranularApp(config);
    app.start();
    return app;
  }

  void cleanup() throws IOException {
    ItServices.cleanup(config);
    Files.deleteIfExists(configFile);
  }
}
