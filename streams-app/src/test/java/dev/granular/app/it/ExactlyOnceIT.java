package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.app.topology.PlannerSnapshot;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.PlannerState;
import dev.granular.avro.TaskResult;
import dev.granular.fixtures.ChangeAudit;
import dev.granular.sink.client.ClickHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one group, SIGKILLed in turn while split plans are in flight, restarted at once. A
 * read_committed consumer of the changes topic must then see, per (workspace, user, property), records that
 * alternate, none repeated, ending exactly at what ClickHouse holds; and ClickHouse must equal the oracle.
 */
class ExactlyOnceIT {
  private static final int ROUNDS = 6;
  /** Per workspace and round: about 600 events x 8 properties, split by T = 1,000 into 5 parts. */
  private static final int EVENTS_PER_ROUND = 550;

  @Test
  void killedInstancesNeitherRepeatNorLoseAChangeRecord() throws Exception {
    Map<String, Object> settings = ItServices.isolatedSettings(Map.of("granular.planner.threshold", 1_000,
        "granular.planner.scheduler-interval", "0s", "granular.sink.concurrency-per-partition", 2,
        "granular.tasks.timeout", "60s", "granular.kafka.standby-replicas", 1));
    AppConfig config = AppConfig.load(null, settings);
    List<String> workspaces = oneWorkspacePerPartition(config.kafka().partitions());
    ItServices.migrate(config);
    Instance[] instances = {new Instance(settings, "a"), new Instance(settings, "b")};
    long start = System.currentTimeMillis();
    Map<String, Integer> produced = new HashMap<>();
    try (ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
      for (String w : workspaces) {
        ComputeFixture.produceDefinitions(config, w);
      }
      for (Instance instance : instances) {
        instance.start();
      }
      int kills = 0;
      for (int round = 0; round < ROUNDS; round++) {
        for (String w : workspaces) {
          List<byte[]> events = ComputeFixture.events(w, w + "-r" + round, EVENTS_PER_ROUND, 300, round, start);
          ComputeFixture.produce(config, events);
          produced.merge(w, distinctMessageIds(events), Integer::sum);
        }
        awaitIngested(config, workspaces, produced);
        for (String w : workspaces) {
          ComputeFixture.tick(config, w, System.currentTimeMillis());
        }
        int before = results(config).size();
        // Kill as soon as this round's plans have reported some parts: a split plan is then in flight.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> results(config).size() > before);
        Instance victim = instances[round % 2];
        victim.kill();
        kills++;
        victim.start();
      }
      for (String w : workspaces) {
        PlannerState done = ComputeFixture.awaitComputed(config, w, produced.get(w), Duration.ofMinutes(5));
        long now = done.getCompleted().get(done.getCompleted().size() - 1).getNowMs();
        ComputeFixture.assertSame(ComputeFixture.oracle(clickHouse, w, now), ComputeFixture.computed(clickHouse, w),
            w + " after " + kills + " SIGKILLs vs oracle");
      }
      List<AssignmentChange> changes = PlannerIT.read(config, config.topics().assignments(), new AvroSerde<>(AssignmentChange.class));
      ChangeAudit.Result audit = ChangeAudit.audit(changes, ClickHouseAnswers.of(clickHouse, workspaces));
      System.out.println("exactly-once audit after " + kills + " SIGKILLs: " + audit);
      assertTrue(audit.records() > 0, "changes were published");
      assertEquals(0, audit.duplicates(), "duplicate change records: " + audit.examples());
      assertEquals(0, audit.outOfTurn(), "change records out of turn: " + audit.examples());
      assertEquals(0, audit.missing(), "change records missing or extra against ClickHouse: " + audit.examples());
    } finally {
      for (Instance instance : instances) {
        instance.kill();
      }
      ItServices.cleanup(config);
    }
  }

  private static List<TaskResult> results(AppConfig config) {
    return PlannerIT.read(config, config.topics().computeTaskResults(), new AvroSerde<>(TaskResult.class));
  }

  private static void awaitIngested(AppConfig config, List<String> workspaces, Map<String, Integer> produced) {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      Map<String, PlannerState> states = PlannerSnapshot.read(config).states();
      return workspaces.stream().allMatch(w -> ComputeFixture.readyToTick(states.get(w), produced.get(w)));
    });
  }

  /** Restatements (the same messageId again) are stored once. */
  private static int distinctMessageIds(List<byte[]> events) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (byte[] e : events) {
      ids.add(ComputeFixture.JSON.readTree(e).get("messageId").asText());
    }
    return ids.size();
  }

  /** Workspace names whose key hashes to each partition, so that every instance owns a workspace. */
  private static List<String> oneWorkspacePerPartition(int partitions) {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      for (int i = 0; ; i++) {
        String w = "eos-" + i;
        if (Utils.toPositive(Utils.murmur2(w.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions == p) {
          out.add(w);
          break;
        }
      }
    }
    return out;
  }

  /** One app process with its own state directory, killed with SIGKILL. */
  private static final class Instance {
    private final Path config;
    private Process process;

    Instance(Map<String, Object> shared, String name) throws Exception {
      Map<String, Object> own = new HashMap<>(shared);
      own.put("granular.kafka.state-dir", Files.createTempDirectory("granular-eos-" + name + "-").toString());
      config = Files.createTempFile("granular-eos-" + name + "-", ".conf");
      Files.writeString(config, ConfigFactory.parseMap(own).root().render(ConfigRenderOptions.concise()));
    }

    void start() throws Exception {
      process = AppProcesses.start(config);
    }

    void kill() throws InterruptedException {
      if (process != null) {
        process.destroyForcibly().waitFor(); // SIGKILL on Unix
      }
    }
  }
}
