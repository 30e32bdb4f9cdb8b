package dev.granular.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Granular instance as a child process ({@code GranularCli --config FILE run}), started as `make run`
 * starts it (with the flags of {@link JvmOptions}, from the app jar {@link AppJar} finds), so that its memory and
 * CPU are its own and read from /proc, not mixed with the benchmark's. Stopped by its own PID only; a hook stops it
 * if the benchmark itself is interrupted.
 */
public final class AppProcess implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "bench-child-reaper"));
  }

  private final Process process;
  private final Path log;

  private AppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static AppProcess start(Path configFile, Path logFile) throws IOException {
    return start(configFile, logFile, List.of());
  }

  /** @param extraJvmFlags after the configured ones, e.g. a flight recording */
  public static AppProcess start(Path configFile, Path logFile, List<String> extraJvmFlags) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JvmOptions.forApp());
    command.addAll(extraJvmFlags);
    command.addAll(List.of("-cp", AppJar.classPath(), AppJar.MAIN, "--config", configFile.toString(), "run"));
    Files.createDirectories(logFile.getParent());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    LIVE.add(p);
    return new AppProcess(p, logFile);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Fails fast when the app died, instead of waiting for a figure that will never come. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("the app (pid " + pid() + ") exited with " + process.exitValue() + "; see " + log);
    }
  }

  public OptionalLong peakRssBytes() {
    return ProcStatus.peakRssBytes(pid());
  }

  /** User plus system CPU time the app has used so far; empty where the platform does not say. */
  public Optional<Duration> cpu() {
    return process.toHandle().info().totalCpuDuration();
  }

  /** SIGKILL, at once: the crash a fault test wants. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    LIVE.remove(process);
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM (the app closes its streams client), then SIGKILL if it has not exited within a minute. */
  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(process);
    }
  }
}
