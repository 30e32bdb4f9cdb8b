package dev.granular.bench;

import dev.granular.app.topology.StreamsRole;
import dev.granular.app.config.AppConfig;
import dev.granular.sink.client.ClickHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One timed P2 run of Granular: the app as a child process on an environment whose user-events topic already
 * holds the load, from its consumer group becoming stable until every distinct event is durable in ClickHouse.
 */
final class GranularIngest {
  /**
   * @param guarantee            the processing guarantee the app ran with
   * @param cpuSecondsPerMillion the app's CPU time over the run per million events; empty when not readable
   * @param retries              inserts the app retried; empty: not measured
   */
  record Run(String guarantee, RowWatch.Progress progress, OptionalDouble cpuSecondsPerMillion, OptionalLong peakRssBytes,
      Optional<Retries> retries, String appLog, Optional<JfrProfile.Summary> profile) {
    Run withProfile(Optional<JfrProfile.Summary> summary) {
      return new Run(guarantee, progress, cpuSecondsPerMillion, peakRssBytes, retries, appLog, summary);
    }
  }

  private GranularIngest() {}

  static Run run(BenchEnv env, long distinct, Duration timeout) throws Exception {
    return run(env, distinct, timeout, false);
  }

  /** @param profiled with a JFR recording of the app's whole life, summarized once it has stopped */
  static Run run(BenchEnv env, long distinct, Duration timeout, boolean profiled) throws Exception {
    AppConfig config = env.config();
    Path jfr = env.directory().resolve("app.jfr");
    AppProcess app = AppProcess.start(env.writeConfigFile(), env.directory().resolve("app.log"),
        profiled ? JfrProfile.flags(jfr) : List.of());
    Run run;
    try (app; ClickHouse ch = new ClickHouse(config.clickHouse())) {
      long start = GroupWatch.awaitStable(config.kafka().bootstrapServers(), StreamsRole.INGEST.applicationId(config),
          Duration.ofMinutes(2), app::requireAlive);
      Optional<Duration> cpuAtStart = app.cpu();
      RowWatch.Progress progress = RowWatch.until(start, () -> ch.scalarLong(IngestScenario.rows(ch, "user_events")),
          () -> ch.scalarLong(IngestScenario.distinctEvents(ch, "user_events")), distinct, timeout, IngestScenario.POLL,
          app::requireAlive);
      Optional<Duration> cpuAtDone = app.cpu();
      OptionalLong peak = app.peakRssBytes();
      Optional<Retries> retries = AppMetrics.scrape(config.http().port()).flatMap(Retries::from); // while the app still runs
      run = new Run(config.kafka().processingGuarantee(), progress, cpuPerMillion(cpuAtStart, cpuAtDone, distinct), peak,
          retries, app.log().toString(), Optional.empty());
    }
    return profiled ? run.withProfile(JfrProfile.summarize(jfr)) : run; // the recording is written as the app exits
  }

  /** CPU seconds per million events; empty when either reading is missing or the CPU time did not advance. */
  static OptionalDouble cpuPerMillion(Optional<Duration> atStart, Optional<Duration> atDone, long events) {
    if (atStart.isEmpty() || atDone.isEmpty()) {
      return OptionalDouble.empty();
    }
    double used = (atDone.get().toNanos() - atStart.get().toNanos()) / 1e9;
    return used > 0 ? Ratio.of(used, events / 1e6) : OptionalDouble.empty();
  }
}
