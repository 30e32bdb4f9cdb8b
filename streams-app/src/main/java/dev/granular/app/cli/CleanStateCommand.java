package dev.granular.app.cli;

import dev.granular.app.lifecycle.LocalState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "clean-state", mixinStandardHelpOptions = true,
    description = "Remove this host's local state of the application (KafkaStreams#cleanUp), e.g. on each host after a backfill or reset.")
final class CleanStateCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Mixin
  SharedOptions.Json output;

  @Override
  public Integer call() {
    String dir = LocalState.clean(settings.config());
    System.out.println(output.json ? JsonOut.object().put("cleaned", dir).toString() : "cleaned " + dir);
    return 0;
  }
}
