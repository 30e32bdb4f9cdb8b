package dev.granular.app.planner;

import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.dlq.DeadLetterMetrics;
import dev.granular.app.planner.PlannerOutput;
import dev.granular.app.planner.PlannerRoute;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/** Turns a definition the planner could not compile into a dead letter shaped like the definitions topic. */
public final class RejectedDefinitionProcessor extends ContextualProcessor<String, PlannerOutput, byte[], byte[]> {
  private final DeadLetterMetrics deadLetters;

  public RejectedDefinitionProcessor(DeadLetterMetrics deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public void process(Record<String, PlannerOutput> record) {
    PlannerOutput.RejectedDefinition rejected = PlannerRoute.rejectedDefinition(record.value());
    deadLetters.sent(DeadLetterMetrics.Source.DEFINITIONS, DeadLetterMetrics.WORKSPACE_COMPILE_ERROR);
    var headers = DeadLetterHeaders.stamp(new RecordHeaders(), DeadLetterMetrics.WORKSPACE_COMPILE_ERROR, rejected.reason(),
        Optional.empty());
    byte[] key = (rejected.workspaceId() + "/" + rejected.propertyId()).getBytes(StandardCharsets.UTF_8);
    byte[] value = rejected.definitionJson() == null ? null : rejected.definitionJson().getBytes(StandardCharsets.UTF_8);
    context().forward(new Record<>(key, value, record.timestamp(), headers));
  }
}
