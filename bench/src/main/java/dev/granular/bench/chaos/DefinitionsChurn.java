package dev.granular.bench.chaos;

import dev.granular.app.feed.LoadProducerConfig;
import dev.granular.bench.load.GeneratedDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Definitions change under the running load: in some workspaces a segment is replaced by another definition and
 * a user property is deleted (a tombstone); later both are restored as generated. The final definitions are the
 * clean run's, so the final answers must be too, however the recomputes interleaved with the events.
 */
record DefinitionsChurn(int workspaces) implements Scenario {
  public String key() {
    return "definitions-churn";
  }

  public String title() {
    return "definition updates and tombstones in " + workspaces + " workspaces mid-run, then restored";
  }

  public void inject(ChaosContext ctx) throws Exception {
    List<GeneratedDefinition> segments = new ArrayList<>();
    List<GeneratedDefinition> properties = new ArrayList<>();
    for (GeneratedDefinition d : ctx.definitions) {
      boolean segment = d.kind().equals("Segment");
      List<GeneratedDefinition> into = segment ? segments : properties;
      if (into.stream().noneMatch(x -> x.workspaceId().equals(d.workspaceId())) && into.size() < workspaces) {
        into.add(d);
      }
    }
    ctx.awaitConsumed(0.2);
    try (KafkaProducer<byte[], byte[]> producer = producer(ctx)) {
      for (GeneratedDefinition d : segments) {
        send(producer, ctx, d.key(), replaced(d));
      }
      for (GeneratedDefinition d : properties) {
        send(producer, ctx, d.key(), null);
      }
      producer.flush();
      ctx.note(segments.size() + " segments replaced, " + properties.size() + " user properties deleted, at input lag " + ctx.lag.current());
      ctx.awaitConsumed(0.5);
      for (GeneratedDefinition d : segments) {
        send(producer, ctx, d.key(), d.json());
      }
      for (GeneratedDefinition d : properties) {
        send(producer, ctx, d.key(), d.json());
      }
      producer.flush();
      ctx.note("all restored as generated, at input lag " + ctx.lag.current());
    }
    ctx.faultEnded();
  }

  /** Another valid segment under the same id: members of those with a trait no event has. */
  private static String replaced(GeneratedDefinition d) {
    return "{\"workspaceId\":\"" + d.workspaceId() + "\",\"id\":\"" + d.propertyId() + "\",\"name\":\"churned\",\"type\":\"Segment\","
        + "\"definition\":{\"entryNode\":{\"type\":\"Trait\",\"id\":\"1\",\"path\":\"chaosTrait\","
        + "\"operator\":{\"type\":\"Equals\",\"value\":\"x\"}},\"nodes\":[]}}";
  }

  private static KafkaProducer<byte[], byte[]> producer(ChaosContext ctx) {
    return new KafkaProducer<>(LoadProducerConfig.of(ctx.env.config().kafka().bootstrapServers()), new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, ChaosContext ctx, String key, String value) {
    producer.send(new ProducerRecord<>(ctx.env.config().topics().definitions(), key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
  }
}
