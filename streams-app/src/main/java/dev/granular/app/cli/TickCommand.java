package dev.granular.app.cli;

import dev.granular.app.config.AppConfig;
import dev.granular.app.planner.Planner;
import dev.granular.app.topology.Topics;
import dev.granular.avro.WorkspaceTick;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tick", mixinStandardHelpOptions = true, description = "Ask the planner to recompute a workspace now.")
final class TickCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Mixin
  SharedOptions.Workspace target;

  @Option(names = "--retry-parked", description = "Also send a parked plan's parked parts again.")
  boolean retryParked;

  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() throws Exception {
    AppConfig config = settings.config();
    String workspace = target.workspace;
    Topics topics = new Topics(config.topics());
    long now = System.currentTimeMillis();
    WorkspaceTick tick = new WorkspaceTick(workspace, now, retryParked ? Planner.RETRY_PARKED : "manual", null);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), topics.workspaceTicks.valueSerde().serializer())) {
      var meta = producer.send(new ProducerRecord<>(topics.workspaceTicks.name(), workspace, tick)).get();
      if (output.json) {
        JsonOut.print(JsonOut.object().put("workspace", workspace).put("tickAtMs", now).put("source", tick.getSource())
            .put("partition", meta.partition()).put("offset", meta.offset()));
      } else {
        System.out.printf("tick for %s at %d sent to %s-%d@%d%n", workspace, now, topics.workspaceTicks.name(), meta.partition(), meta.offset());
      }
    }
    return 0;
  }
}
