package dev.granular.app.topology;

import dev.granular.app.dlq.Checked;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Where checked input splits: rejected records to their dead-letter topic with their original bytes, valid ones on. */
final class DeadLetterRoute {
  private DeadLetterRoute() {}

  /**
   * @param name processors "{@code <name>-route-valid}", "{@code <name>-route-rejected}" and
   *             "{@code <name>-rejected-payload}"
   * @return the valid records
   */
  static <T> KStream<byte[], Checked<T>> valid(KStream<byte[], Checked<T>> checked, String name, String deadLetterTopic,
      String deadLetterSink) {
    var branches = checked.split(Named.as(name + "-route-"))
        .branch((key, value) -> value.isValid(), Branched.as("valid"))
        .defaultBranch(Branched.as("rejected"));
    branches.get(name + "-route-rejected")
        .mapValues(Checked::rejectedValue, Named.as(name + "-rejected-payload"))
        .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(deadLetterSink));
    return branches.get(name + "-route-valid");
  }
}
