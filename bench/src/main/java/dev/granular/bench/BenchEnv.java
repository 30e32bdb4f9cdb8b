package dev.granular.bench;

import dev.granular.app.topology.StreamsRole;
import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.TopicAdmin;
import dev.granular.app.topology.Topics;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.migrate.Migrator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One scenario's own topics, application id (consumer group), state directory and ClickHouse database, so
 * that a benchmark never reads or disturbs another run, a running demo, or other engineers' tests on the same
 * broker and server. Everything else is the app's default configuration. {@link #close()} removes it all.
 */
public final class BenchEnv implements AutoCloseable {
  private static final List<String> TOPICS = List.of("user-events", "user-events-dlq", "ingest-progress", "definitions",
      "definitions-dlq", "workspace-ticks", "compute-tasks", "compute-tasks-priority", "compute-task-results",
      "compute-tasks-dlq", "assignments", "backfills", "workspace-definitions");

  private final String name;
  private final Map<String, Object> settings;
  private final AppConfig config;
  private final Path directory;
  private final List<String> extraGroups = new ArrayList<>();

  private BenchEnv(String name, Map<String, Object> settings, AppConfig config, Path directory) {
    this.name = name;
    this.settings = settings;
    this.config = config;
    this.directory = directory;
  }

  /** @param label short, lower case, e.g. "p1b"; {@code extra} are app settings (full keys) on top */
  public static BenchEnv create(AppConfig base, Path workDir, String label, Map<String, ?> extra) throws IOException {
    String name = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path directory = Files.createDirectories(workDir.resolve(name));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("granular.kafka.bootstrap-servers", base.kafka().bootstrapServers());
    s.put("granular.kafka.application-id", "bench-" + name);
    s.put("granular.kafka.state-dir", directory.resolve("state").toString());
    for (String topic : TOPICS) {
      s.put("granular.topics." + topic, "bench-" + name + "-" + topic);
    }
    s.put("granular.clickhouse.url", base.clickHouse().url());
    s.put("granular.clickhouse.user", base.clickHouse().user());
    s.put("granular.clickhouse.password", base.clickHouse().password());
    s.put("granular.clickhouse.database", "granular_bench_" + name.replace('-', '_'));
    // Pinned, so the app process runs under the guarantee the report names even if the environment says otherwise.
    s.put(Guarantees.SETTING, base.kafka().processingGuarantee());
    s.put("granular.http.port", AppMetrics.freePort()); // known in advance, so the bench can read the app's GET /metrics
    s.putAll(extra);
    return new BenchEnv(name, s, AppConfig.load(null, s), directory);
  }

  public String name() {
    return name;
  }

  public AppConfig config() {
    return config;
  }

  public Path directory() {
    return directory;
  }

  /** The settings as a HOCON file for the app process (it overrides the defaults and the environment). */
  public Path writeConfigFile() throws IOException {
    StringBuilder hocon = new StringBuilder("# written by granular bench for run ").append(name).append('\n');
    settings.forEach((k, v) -> hocon.append(k).append(" = ").append(quote(String.valueOf(v))).append('\n'));
    return Files.writeString(directory.resolve("app.conf"), hocon.toString(), StandardCharsets.UTF_8);
  }

  /** As above for one of several instances: {@code overrides} (e.g. its own state directory and HTTP port) on top. */
  public Path writeConfigFile(String instance, Map<String, ?> overrides) throws IOException {
    StringBuilder hocon = new StringBuilder("# written by granular bench for run ").append(name).append(", instance ")
        .append(instance).append('\n');
    Map<String, Object> all = new LinkedHashMap<>(settings);
    all.putAll(overrides);
    all.forEach((k, v) -> hocon.append(k).append(" = ").append(quote(String.valueOf(v))).append('\n'));
    return Files.writeString(directory.resolve("app-" + instance + ".conf"), hocon.toString(), StandardCharsets.UTF_8);
  }

  static String quote(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }

  /** What `granular migrate` does: tables and the external topics. */
  public void migrate() {
    try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
      new Migrator(ch).migrate();
    }
    try (TopicAdmin admin = new TopicAdmin(config.kafka().bootstrapServers())) {
      admin.ensure(new Topics(config.topics()).external(), config.kafka().partitions(), config.kafka().replicationFactor());
    }
  }

  /** A consumer group the scenario created besides the app's (e.g. ClickHouse's Kafka engine), removed on close. */
  public void ownsGroup(String group) {
    extraGroups.add(group);
  }

  /** Best effort: the database, every topic of this run (Kafka Streams' internal ones too), groups, state. */
  @Override
  public void close() {
    try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
      new Migrator(ch).dropDatabase();
    } catch (RuntimeException e) {
      System.err.println("bench: could not drop " + config.clickHouse().database() + ": " + e.getMessage());
    }
    String app = config.kafka().applicationId();
    String ingest = StreamsRole.INGEST.applicationId(config);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers()))) {
      List<String> mine = admin.listTopics().names().get().stream()
          .filter(t -> t.startsWith("bench-" + name + "-") || t.startsWith(app + "-") || t.startsWith(ingest + "-")).toList();
      admin.deleteTopics(mine).all().get();
      List<String> groups = new ArrayList<>(extraGroups);
      groups.add(app);
      groups.add(ingest);
      for (String group : groups) {
        deleteGroup(admin, group);
      }
    } catch (Exception e) {
      System.err.println("bench: could not delete the topics of " + name + ": " + e.getMessage());
    }
    deleteTree(directory.resolve("state"));
  }

  /** A group whose members are still leaving cannot be deleted yet, so try again for a while. */
  private static void deleteGroup(Admin admin, String group) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        admin.deleteConsumerGroups(List.of(group)).all().get();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
          return; // never formed
        }
        if (System.currentTimeMillis() > deadline) {
          System.err.println("bench: could not delete consumer group " + group + ": " + e.getCause());
          return;
        }
        Thread.sleep(1_000);
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
    } catch (IOException e) {
      System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
