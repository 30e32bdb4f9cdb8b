package dev.granular.bench;

import dev.granular.app.ingest.EventParser;
import dev.granular.app.ingest.ParseResult;
import dev.granular.app.topology.TopicScan;
import dev.granular.avro.UserEvent;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own ceilings for P2, on P2's records, measured in the same run: Kafka's ConsumerPerformance
 * reading the topic (from the broker's own jars), and clickhouse-client inserting the same events, as the app
 * stores them, as JSONEachRow into a copy of {@code user_events}. Granular is reported as a fraction of the lower.
 */
final class MachineLimits {
  /** Records per second, or empty with why not. */
  record Limit(OptionalDouble perSecond, String note) {
    static Limit notMeasured(String why) {
      return new Limit(OptionalDouble.empty(), why);
    }
  }

  private MachineLimits() {}

  /** ConsumerPerformance over the whole topic in a group of its own; its fetch rate leaves the group join out. */
  static Limit kafkaRead(String bootstrap, String topic, long records) {
    try {
      String classpath = output(List.of("bash", "services/kafka.sh", "classpath"), null).strip();
      String out = output(List.of("java", "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
          bootstrap, "--topic", topic, "--messages", Long.toString(records), "--group", "bench-limit-" + UUID.randomUUID(),
          "--timeout", "30000", "--hide-header"), null);
      String[] cells = out.strip().lines().reduce((a, b) -> b).orElse("").split(",\\s*");
      if (cells.length < 10) {
        return Limit.notMeasured("ConsumerPerformance printed no result line: " + out.strip());
      }
      long consumed = Long.parseLong(cells[4].strip());
      double fetchRate = Double.parseDouble(cells[9].strip());
      return new Limit(OptionalDouble.of(fetchRate), String.format(Locale.ROOT, "Kafka's ConsumerPerformance read %,d records"
          + " of the same topic in one consumer (fetch rate, group join excluded; %s records/s including it)", consumed,
          cells[5].strip()));
    } catch (IOException | RuntimeException e) {
      return Limit.notMeasured("ConsumerPerformance could not run: " + e.getMessage());
    }
  }

  /** The topic's valid events as the app stores them, inserted by clickhouse-client into a copy of user_events. */
  static Limit clickHouseInsert(ClickHouse clickHouse, String bootstrap, String topic, int maxPayloadBytes, int maxFieldLength) {
    Path file = null;
    String copy = clickHouse.table("user_events_limit");
    try {
      EventParser parser = new EventParser(maxPayloadBytes, maxFieldLength);
      List<StoredEvent> events = new ArrayList<>();
      long[] time = {0};
      TopicScan.scan(bootstrap, topic, r -> {
        if (parser.parse(r.value(), r.timestamp()) instanceof ParseResult.Valid valid) {
          UserEvent e = valid.event();
          events.add(new StoredEvent(e.getWorkspaceId(), e.getMessageId(), e.getType().name(), e.getUserId(),
              e.getAnonymousId(), e.getEvent(), e.getPropertiesJson(), e.getTraitsJson(), e.getTimestampMs(), ++time[0]));
        }
      });
      file = Files.createTempFile("granular-limit-", ".json");
      Files.write(file, EventBatchWriter.encode(events));
      clickHouse.execute("DROP TABLE IF EXISTS " + copy);
      clickHouse.execute("CREATE TABLE " + copy + " AS " + clickHouse.table("user_events"));
      URI url = URI.create(clickHouse.settings().url());
      String port = System.getenv().getOrDefault("CLICKHOUSE_TCP_PORT", "9000");
      List<String> client = new ArrayList<>(List.of("clickhouse-client", "--host", url.getHost(), "--port", port, "--user",
          clickHouse.settings().user(), "--query", "INSERT INTO " + copy + " FORMAT JSONEachRow"));
      if (!clickHouse.settings().password().isEmpty()) {
        client.addAll(List.of("--password", clickHouse.settings().password()));
      }
      long start = System.nanoTime();
      output(client, file);
      double seconds = (System.nanoTime() - start) / 1e9;
      long stored = clickHouse.scalarLong("SELECT count() FROM " + copy);
      return new Limit(OptionalDouble.of(stored / seconds), String.format(Locale.ROOT, "clickhouse-client inserted the"
          + " same %,d events as JSONEachRow (%,d MB, as the app sends them) into a copy of user_events in %.2f s, the client's"
          + " start included; %,d rows stored", events.size(), Files.size(file) >> 20, seconds, stored));
    } catch (IOException | RuntimeException e) {
      return Limit.notMeasured("clickhouse-client could not run: " + e.getMessage());
    } finally {
      try {
        clickHouse.execute("DROP TABLE IF EXISTS " + copy);
        if (file != null) {
          Files.deleteIfExists(file);
        }
      } catch (IOException | RuntimeException ignored) {
        // the scratch database goes with the run
      }
    }
  }

  /** Runs a command to its end (stdin from {@code input} if given) and returns its stdout; fails on a non-zero exit. */
  private static String output(List<String> command, Path input) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (input != null) {
      builder.redirectInput(input.toFile());
    }
    Path err = Files.createTempFile("granular-limit-", ".err");
    builder.redirectError(err.toFile());
    Process p = builder.start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(command.get(0) + " failed: " + Files.readString(err).strip());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      p.destroy();
      Files.deleteIfExists(err);
    }
  }
}
