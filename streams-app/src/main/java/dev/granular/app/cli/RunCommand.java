package dev.granular.app.cli;

import dev.granular.app.GranularApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run one instance in the foreground. Start more with the same application id to scale out.")
final class RunCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Config settings;

  @Override
  public Integer call() throws Exception {
    GranularApp app = new GranularApp(settings.config());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "granular-shutdown"));
    app.start();
    app.awaitStop();
    return app.failed() ? 1 : 0;
  }
}
