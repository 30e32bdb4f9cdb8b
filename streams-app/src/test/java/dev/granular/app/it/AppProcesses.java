package dev.granular.app.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The app as a child process (`granular --config FILE run`), so that a test can SIGKILL it. */
final class AppProcesses {
  private AppProcesses() {}

  static Process start(Path config) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = Files.createTempFile("granular-app-", ".log").toFile();
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.granular.app.cli.GranularCli",
        "--config", config.toString(), "run").redirectErrorStream(true).redirectOutput(log).start();
  }
}
