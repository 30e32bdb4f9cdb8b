package dev.granular.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.config.AppConfig;
import dev.granular.bench.load.JsonLinesSink;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadDefaults;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.bench.load.LoadRun;
import dev.granular.bench.load.LoadSink;
import dev.granular.bench.load.LoadSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Public so that the load package's tests can check the option-to-config mapping. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Generate a deterministic skewed load (events and definitions) to the topics or to JSON-lines files.")
public final class GenerateCommand implements Callable<Integer> {
  @ParentCommand
  BenchCli parent;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/events.jsonl (one value per line) and"
        + " DIR/definitions.jsonl (key<TAB>value per line).")
    Path out;

    @Option(names = "--kafka", description = "Send to the configured user-events and definitions topics.")
    boolean kafka;
  }

  @Option(names = "--seed", defaultValue = "" + LoadDefaults.SEED,
      description = "Default ${DEFAULT-VALUE}.")
  long seed;
  @Option(names = "--run-id",
      description = "messageId prefix (default load-<seed>); a new one sends the same load again as new events.")
  String runId;
  @Option(names = "--workspace-prefix", defaultValue = LoadDefaults.WORKSPACE_PREFIX,
      description = "Default ${DEFAULT-VALUE}.")
  String workspacePrefix;
  @Option(names = "--workspaces", defaultValue = "" + LoadDefaults.SMALL_WORKSPACES,
      description = "Small workspaces (default ${DEFAULT-VALUE}).")
  int workspaces;
  @Option(names = "--events", defaultValue = "" + LoadDefaults.EVENTS_PER_WORKSPACE,
      description = "Records per small workspace (default ${DEFAULT-VALUE}).")
  long events;
  @Option(names = "--whale-factor", defaultValue = "" + LoadDefaults.WHALE_FACTOR,
      description = "One whale with F x the records; 0: none (default ${DEFAULT-VALUE}).")
  int whaleFactor;
  @Option(names = "--users", defaultValue = "" + LoadDefaults.USERS_PER_WORKSPACE,
      description = "Users per small workspace (default ${DEFAULT-VALUE}).")
  int users;
  @Option(names = "--whale-users", defaultValue = "" + LoadDefaults.WHALE_USERS,
      description = "Whale users; 0: users x whale factor (default ${DEFAULT-VALUE}).")
  int whaleUsers;
  @Option(names = "--user-skew", defaultValue = "" + LoadDefaults.USER_SKEW,
      description = "Zipf exponent of user activity (default ${DEFAULT-VALUE}).")
  double userSkew;
  @Option(names = "--event-names", defaultValue = "" + LoadDefaults.EVENT_NAMES,
      description = "Default ${DEFAULT-VALUE}.")
  int eventNames;
  @Option(names = "--event-skew", defaultValue = "" + LoadDefaults.EVENT_NAME_SKEW,
      description = "Zipf exponent of event names (default ${DEFAULT-VALUE}).")
  double eventSkew;
  @Option(names = "--restatements", defaultValue = "" + LoadDefaults.RESTATEMENT_RATE,
      description = "Share sent again with the same messageId (default ${DEFAULT-VALUE}).")
  double restatements;
  @Option(names = "--near-duplicates", defaultValue = "" + LoadDefaults.NEAR_DUPLICATE_RATE,
      description = "Share repeating the last event under a new messageId (default ${DEFAULT-VALUE}).")
  double nearDuplicates;
  @Option(names = "--out-of-order", defaultValue = "" + LoadDefaults.OUT_OF_ORDER_RATE,
      description = "Share of new events with an earlier event time (default ${DEFAULT-VALUE}).")
  double outOfOrder;
  @Option(names = "--max-lateness-seconds", defaultValue = "" + LoadDefaults.MAX_LATENESS_SECONDS,
      description = "Default ${DEFAULT-VALUE}.")
  long maxLatenessSeconds;
  @Option(names = "--invalid", defaultValue = "" + LoadDefaults.INVALID_RATE,
      description = "Share of invalid records (default ${DEFAULT-VALUE}).")
  double invalid;
  @Option(names = "--start", defaultValue = LoadDefaults.START,
      description = "First event time, ISO-8601 or 'now' (default ${DEFAULT-VALUE}).")
  String start;
  @Option(names = "--duration-seconds", defaultValue = "" + LoadDefaults.DURATION_SECONDS,
      description = "Event-time span of every workspace (default ${DEFAULT-VALUE}).")
  long durationSeconds;
  @Option(names = "--segments", defaultValue = "" + LoadDefaults.SEGMENTS_PER_WORKSPACE,
      description = "Per workspace (default ${DEFAULT-VALUE}).")
  int segments;
  @Option(names = "--user-properties", defaultValue = "" + LoadDefaults.USER_PROPERTIES_PER_WORKSPACE,
      description = "Per workspace (default ${DEFAULT-VALUE}).")
  int userProperties;
  @Option(names = "--shared-predicates", defaultValue = "" + LoadDefaults.SHARED_PREDICATES,
      description = "Leaf pool per workspace that segments share (default ${DEFAULT-VALUE}).")
  int sharedPredicates;
  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    AppConfig config = parent.config();
    LoadGenerator generator =
        new LoadGenerator(loadConfig(config.ingest().maxPayloadBytes(), config.ingest().maxFieldLength()));
    long started = System.nanoTime();
    LoadSink sink = target.out != null ? new JsonLinesSink(target.out)
        : KafkaLoadSink.open(config.kafka().bootstrapServers(), config.topics().userEvents(),
            config.topics().definitions(), config.ingest().maxPayloadBytes());
    LoadSummary summary;
    try (sink) {
      summary = LoadRun.write(generator, sink);
    }
    summary = summary.withElapsedMs((System.nanoTime() - started) / 1_000_000);
    String where = target.out != null ? target.out.toString()
        : config.topics().userEvents() + " and " + config.topics().definitions();
    if (json) {
      ObjectNode line = new ObjectMapper().valueToTree(summary);
      System.out.println(line.put("eventsPerSecond", Math.round(summary.eventsPerSecond())).put("target", where));
    } else {
      System.out.println(summary.line() + " -> " + where);
    }
    return 0;
  }

  /** The options as a generator config; the validator limits come from the app config. */
  public LoadConfig loadConfig(int maxPayloadBytes, int maxFieldLength) {
    long startMs;
    try {
      startMs = start.equals("now") ? System.currentTimeMillis() : Instant.parse(start).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--start must be an ISO-8601 instant or 'now', got '" + start + "'", e);
    }
    return LoadConfig.builder().seed(seed).runId(runId).workspacePrefix(workspacePrefix).smallWorkspaces(workspaces)
        .eventsPerWorkspace(events).whaleFactor(whaleFactor).usersPerWorkspace(users).whaleUsers(whaleUsers)
        .userSkew(userSkew).eventNames(eventNames).eventNameSkew(eventSkew).restatementRate(restatements)
        .nearDuplicateRate(nearDuplicates).outOfOrderRate(outOfOrder).maxLatenessMs(maxLatenessSeconds * 1000)
        .invalidRate(invalid).startTimeMs(startMs).durationMs(durationSeconds * 1000).segmentsPerWorkspace(segments)
        .userPropertiesPerWorkspace(userProperties).sharedPredicates(sharedPredicates)
        .maxPayloadBytes(maxPayloadBytes).maxFieldLength(maxFieldLength).build();
  }
}
