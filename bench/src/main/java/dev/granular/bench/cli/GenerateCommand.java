package dev.granular.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.config.AppConfig;
import dev.granular.bench.load.JsonLinesSink;
import dev.granular.bench.load.KafkaLoadSink;
import dev.granular.bench.load.LoadConfig;
import dev.granular.bench.load.LoadGenerator;
import dev.granular.bench.load.LoadRun;
import dev.granular.bench.load.LoadSink;
import dev.granular.bench.load.LoadSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  /** The generator's settings: their options, defaults and validation are declared once, in {@link LoadConfig.Builder}. */
  @Mixin
  LoadConfig.Builder load = LoadConfig.builder();
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
    return load.maxPayloadBytes(maxPayloadBytes).maxFieldLength(maxFieldLength).build();
  }
}
