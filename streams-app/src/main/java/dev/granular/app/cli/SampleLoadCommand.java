package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.app.feed.LoadProducerConfig;
import dev.granular.app.feed.SampleDefinitions;
import dev.granular.app.feed.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample-load", mixinStandardHelpOptions = true,
    description = "Produce a small sample load to the user-events topic: valid events plus one invalid record of each kind.")
final class SampleLoadCommand implements Callable<Integer> {
  @ParentCommand
  GranularCli parent;

  @Option(names = "--events", defaultValue = "5000", description = "Valid events (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--workspaces", defaultValue = "3", description = "Workspaces (default ${DEFAULT-VALUE}).")
  int workspaces;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--run-id", description = "Prefix of messageIds; a new one each run unless given.")
  String runId;

  @Option(names = "--definitions", defaultValue = "true", negatable = true,
      description = "Also define sample segments and user properties for each workspace (default ${DEFAULT-VALUE}).")
  boolean definitions;

  @Override
  public Integer call() {
    AppConfig config = parent.config();
    String run = runId != null ? runId : "sample-" + Long.toString(System.currentTimeMillis(), 36);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= workspaces; i++) {
      names.add("demo-ws-" + i);
    }
    SampleEvents sample = new SampleEvents(seed, run, System.currentTimeMillis());
    List<String[]> invalid = sample.invalid(names.get(0), config.ingest().maxFieldLength(), config.ingest().maxPayloadBytes());
    Map<String, Object> props = LoadProducerConfig.of(config.kafka().bootstrapServers());
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      if (definitions) {
        for (String workspace : names) {
          SampleDefinitions.forWorkspace(workspace).forEach((key, json) -> producer.send(new ProducerRecord<>(
              config.topics().definitions(), key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8))));
        }
      }
      int spacing = Math.max(1, events / (invalid.size() + 1));
      for (int i = 0; i < events; i++) {
        if (i % spacing == 0 && i / spacing < invalid.size()) {
          producer.send(new ProducerRecord<>(config.topics().userEvents(), invalid.get(i / spacing)[1].getBytes(StandardCharsets.UTF_8)));
        }
        producer.send(new ProducerRecord<>(config.topics().userEvents(), sample.valid(i, names).toString().getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    System.out.printf("sent %d valid events over %d workspaces and %d invalid records to %s (run %s)%n",
        events, workspaces, invalid.size(), config.topics().userEvents(), run);
    return 0;
  }
}
