package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.sink.client.ClickHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app runs as its own process and is killed with SIGKILL in the middle of a split plan, then started
 * again: it resumes the same plan, skips no window, and ends where a clean run ends.
 */
class CrashIT {
  private static final String W = "crashy";

  @Test
  void killedMidPlanThenRestartedItResumesAndEndsEqualToTheOracle() throws Exception {
    Map<String, Object> settings = ItServices.isolatedSettings(Map.of("granular.planner.threshold", 500,
        "granular.planner.scheduler-interval", "0s", "granular.sink.concurrency-per-partition", 1,
        "granular.tasks.timeout", "30s"));
    AppConfig config = AppConfig.load(null, settings);
    Path file = Files.createTempFile("granular-crash-", ".conf");
    Files.writeString(file, ConfigFactory.parseMap(settings).root().render(ConfigRenderOptions.concise()));
    ItServices.migrate(config);
    List<byte[]> events = ComputeFixture.events(W, 2_500, 300, 9, System.currentTimeMillis());
    Process app = start(file);
    try (ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
      ComputeFixture.produceDefinitions(config, W);
      ComputeFixture.produce(config, events);
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        PlannerState s = PlannerSnapshot.read(config).states().get(W);
        return ComputeFixture.readyToTick(s, events.size()) && s.getProperties() == ComputeFixture.DEFINITIONS.size();
      });
      ComputeFixture.tick(config, W, System.currentTimeMillis());

      // Kill as soon as some, but not all, parts of the split plan have reported.
      int[] seen = new int[1];
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
        List<TaskResult> results = PlannerIT.read(config, config.topics().computeTaskResults(), new AvroSerde<>(TaskResult.class));
        seen[0] = results.size();
        return !results.isEmpty();
      });
      app.destroyForcibly().waitFor();
      PlannerState atKill = PlannerSnapshot.read(config).states().get(W);
      Plan interrupted = atKill.getInFlight();
      assertTrue(interrupted != null, "the plan must still be in flight when the app is killed");
      assertTrue(seen[0] < interrupted.getParts().size(), "killed mid-plan: " + seen[0] + " of " + interrupted.getParts().size());

      app = start(file);
      PlannerState done = ComputeFixture.awaitComputed(config, W, events.size(), Duration.ofMinutes(4));
      Plan completed = done.getCompleted().get(done.getCompleted().size() - 1);
      assertEquals(interrupted.getPlanId(), completed.getPlanId(), "the same plan resumed, not a new one");
      assertEquals(1, done.getCompleted().stream().filter(p -> p.getPlanId().equals(completed.getPlanId())).count());
      assertEquals(done.getWatermarkMs(), done.getCursorMs(), "no window skipped: the cursor is exactly at the watermark");
      ComputeFixture.assertSame(ComputeFixture.oracle(clickHouse, W, completed.getNowMs()), ComputeFixture.computed(clickHouse, W),
          "after a crash vs oracle");
    } finally {
      app.destroyForcibly().waitFor();
      ItServices.cleanup(config);
      Files.deleteIfExists(file);
    }
  }

  private static Process start(Path config) throws Exception {
    return AppProcesses.start(config);
  }

}
