package dev.granular.bench.chaos;

import dev.granular.bench.AppMetrics;
import dev.granular.bench.AppProcess;
import dev.granular.bench.BenchEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app instances of one run, each a child process with its own state directory and HTTP port, as two
 * hosts of one consumer group would be. Instances are started, SIGKILLed and stopped by their own PIDs.
 */
final class Fleet implements AutoCloseable {
  private final BenchEnv env;
  private final List<Path> configs = new ArrayList<>();
  private final List<AppProcess> running = new ArrayList<>();
  private int kills;

  Fleet(BenchEnv env, int size) throws IOException {
    this.env = env;
    for (int i = 0; i < size; i++) {
      String name = Character.toString('a' + i);
      configs.add(env.writeConfigFile(name, Map.of("granular.kafka.state-dir", env.directory().resolve("state-" + name).toString(),
          "granular.http.port", AppMetrics.freePort())));
      running.add(null);
    }
  }

  synchronized void start(int i) throws IOException {
    if (running.get(i) != null && running.get(i).alive()) {
      throw new IllegalStateException("instance " + i + " is already running");
    }
    String name = Character.toString('a' + i);
    running.set(i, AppProcess.start(configs.get(i), env.directory().resolve("app-" + name + "-" + System.currentTimeMillis() + ".log")));
  }

  /** SIGKILL. */
  synchronized void kill(int i) throws InterruptedException {
    running.get(i).kill();
    kills++;
  }

  /** SIGTERM: the instance closes its streams client and leaves the group, as a scale-in would. */
  synchronized void stop(int i) {
    running.get(i).close();
  }

  synchronized int kills() {
    return kills;
  }

  int size() {
    return configs.size();
  }

  @Override
  public synchronized void close() {
    for (AppProcess p : running) {
      if (p != null) {
        p.close();
      }
    }
  }
}
