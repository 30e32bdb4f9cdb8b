package dev.granular.app.definitions;

import dev.granular.app.dlq.Checked;
import dev.granular.app.dlq.DeadLetterHeaders;
import dev.granular.app.dlq.DeadLetterMetrics;
import dev.granular.avro.DefinitionUpdate;
import dev.granular.sink.definitions.DefinitionException;
import dev.granular.sink.definitions.DefinitionParser;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.text.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates records of the compacted definitions topic (key {@code <workspaceId>/<propertyId>}, value the
 * definition JSON, tombstone deletes). A definition that does not parse, or whose key does not match it, goes
 * to the dead-letter topic with the reason. Compiling is the planner's, once per workspace change, with the
 * workspace's other definitions; a definition that breaks it is dead-lettered there.
 */
public final class DefinitionsValidateProcessor extends ContextualProcessor<byte[], byte[], byte[], Checked<DefinitionUpdate>> {
  private final DeadLetterMetrics deadLetters;

  public DefinitionsValidateProcessor(DeadLetterMetrics deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    int slash = key.indexOf('/');
    if (slash <= 0 || slash == key.length() - 1 || Utf8.firstInvalid(record.key()) >= 0) {
      reject(record, "bad_key", "key must be <workspaceId>/<propertyId> in UTF-8, got '" + key + "'");
      return;
    }
    String workspace = key.substring(0, slash);
    String property = key.substring(slash + 1);
    if (record.value() == null) {
      forward(record, new DefinitionUpdate(workspace, property, null));
      return;
    }
    try {
      PropertyDefinition definition = DefinitionParser.parse(record.value());
      if (!definition.workspaceId().equals(workspace) || !definition.id().equals(property)) {
        reject(record, "key_mismatch", "key " + key + " but value is " + definition.workspaceId() + "/" + definition.id());
        return;
      }
      forward(record, new DefinitionUpdate(workspace, property, new String(record.value(), StandardCharsets.UTF_8)));
    } catch (DefinitionException e) {
      reject(record, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
    } catch (RuntimeException e) {
      reject(record, "invalid_definition", String.valueOf(e.getMessage()));
    }
  }

  private void forward(Record<byte[], byte[]> record, DefinitionUpdate update) {
    context().forward(record.withValue(Checked.valid(update)));
  }

  private void reject(Record<byte[], byte[]> record, String reason, String detail) {
    deadLetters.sent(DeadLetterMetrics.Source.DEFINITIONS, reason);
    DeadLetterHeaders.stamp(record.headers(), reason, detail, context().recordMetadata());
    context().forward(record.withValue(Checked.<DefinitionUpdate>rejected(record.value())));
  }
}
