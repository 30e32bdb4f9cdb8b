package dev.granular.app.cli;

import dev.granular.app.topology.TopicScan;
import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.Topics;
import dev.granular.avro.AssignmentChange;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "changes", mixinStandardHelpOptions = true,
    description = "Print the membership and value changes published so far, one JSON object per line"
        + " (with or without --json: the records are data, so JSON is the text form too).")
final class ChangesCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Mixin
  SharedOptions.WorkspaceFilter workspace;

  /** Accepted so that every command takes --json; the output is JSON lines either way. */
  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() {
    AppConfig config = settings.config();
    Topics topics = new Topics(config.topics());
    var values = topics.assignments.valueSerde().deserializer();
    TopicScan.scan(config.kafka().bootstrapServers(), topics.assignments.name(), r -> {
      AssignmentChange c = values.deserialize(topics.assignments.name(), r.value());
      if (workspace.includes(c.getWorkspaceId())) {
        JsonOut.print(JsonOut.object().put("workspace", c.getWorkspaceId()).put("userId", c.getUserId())
            .put("propertyId", c.getPropertyId()).put("type", c.getPropertyType().name()).put("change", c.getChange().name())
            .put("valueJson", c.getValueJson()).put("asOfMs", c.getAsOfMs()).put("planId", c.getPlanId()));
      }
    });
    return 0;
  }
}
