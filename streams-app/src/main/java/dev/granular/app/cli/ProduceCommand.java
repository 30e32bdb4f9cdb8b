package dev.granular.app.cli;

import dev.granular.app.feed.LoadProducerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Send JSON lines (one event per line) from a file or stdin to a topic, unchanged.")
final class ProduceCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Option(names = "--topic", description = "Topic (default: the user-events topic).")
  String topic;

  @Option(names = "--file", description = "JSON-lines file; stdin when absent.")
  Path file;

  @Override
  public Integer call() throws Exception {
    var config = settings.config();
    String target = topic != null ? topic : config.topics().userEvents();
    Map<String, Object> props = LoadProducerConfig.of(config.kafka().bootstrapServers());
    long sent = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        BufferedReader in = file != null ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          producer.send(new ProducerRecord<>(target, line));
          sent++;
        }
      }
      producer.flush();
    }
    System.out.println("sent " + sent + " records to " + target);
    return 0;
  }
}
