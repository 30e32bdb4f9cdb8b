package dev.granular.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.GranularApp;
import dev.granular.app.topology.TopicScan;
import dev.granular.app.config.AppConfig;
import dev.granular.app.serde.AvroSerde;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.ChangeKind;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.compile.ProfileCompiler;
import dev.granular.sink.compute.ComputeEngine;
import dev.granular.sink.compute.ComputeScope;
import dev.granular.sink.compute.ProcessingWindow;
import dev.granular.sink.migrate.Migrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner loop end to end on the real broker and ClickHouse: a workspace with 20x T of work. */
class PlannerIT {
  private static final long T = 1_000;
  private static final int K = 2;
  private static final String W = "whale";

  @Test
  void aWorkspaceWithTwentyTimesTheThresholdIsSplitAndEqualsTheUnsplitRunAndTheOracle() throws Exception {
    AppConfig config = ItServices.isolatedConfig(Map.of("granular.planner.threshold", T, "granular.planner.scheduler-interval", "0s",
        "granular.sink.concurrency-per-partition", K));
    ItServices.migrate(config);
    // 8 properties x 2,500 distinct events = 20,000 = 20 T (restatements add a few records, not events).
    List<byte[]> events = ComputeFixture.events(W, 2_500, 300, 5, System.currentTimeMillis());
    try (GranularApp app = new GranularApp(config); ClickHouse clickHouse = new ClickHouse(config.clickHouse())) {
      app.start();
      ComputeFixture.produceDefinitions(config, W);
      ComputeFixture.produce(config, events);
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> state(config),
          s -> ComputeFixture.readyToTick(s, events.size()) && s.getProperties() == 8);
      long now = System.currentTimeMillis();
      ComputeFixture.tick(config, W, now);
      PlannerState done = ComputeFixture.awaitComputed(config, W, events.size(), Duration.ofMinutes(4));

      Plan plan = done.getCompleted().get(done.getCompleted().size() - 1);
      assertTrue(plan.getSplit(), "work " + plan.getWork() + " must be split");
      assertTrue(plan.getWork() >= 20 * T, "work " + plan.getWork());
      assertTrue(plan.getPartWork().size() >= 20, "parts: " + plan.getPartWork().size());
      for (long work : plan.getPartWork()) {
        assertTrue(work <= T, "part work " + work);
      }
      List<ComputeTask> onPriorityTopic = read(config, config.topics().computeTasksPriority(), new AvroSerde<>(ComputeTask.class))
          .stream().filter(t -> t.getPlanId().equals(plan.getPlanId())).toList();
      assertEquals(plan.getPartWork().size(), onPriorityTopic.size());
      for (ComputeTask task : onPriorityTopic) {
        assertTrue(task.getPriority());
        assertTrue(task.getEstimatedWork() <= T, "part " + task.getPart() + ": " + task.getEstimatedWork());
      }
      assertTrue(plan.getFinishedAtMs() >= now, "finished at " + plan.getFinishedAtMs());
      // Spread over every partition of the priority topic, each part where the planner's lane sent it, so a
      // split workspace uses every sink's slots; the sinks away from its own partition read the global copy.
      Map<Integer, Integer> partsByPartition = new HashMap<>();
      AvroSerde<ComputeTask> tasks = new AvroSerde<>(ComputeTask.class);
      TopicScan.scan(config.kafka().bootstrapServers(), config.topics().computeTasksPriority(), r -> {
        ComputeTask t = tasks.deserializer().deserialize(config.topics().computeTasksPriority(), r.value());
        if (t.getPlanId().equals(plan.getPlanId())) {
          assertEquals(t.getLane(), r.partition(), "part " + t.getPart() + " on its lane");
          partsByPartition.merge(r.partition(), 1, Integer::sum);
        }
      });
      assertEquals(config.kafka().partitions(), partsByPartition.size(), "parts per partition: " + partsByPartition);

      // The cap is checked from outside the app, where it can bind: theSinkNeverRunsMoreThanKStatementsAtOnce.

      ComputeFixture.Assignments split = ComputeFixture.computed(clickHouse, W);
      assertFalse(split.members().isEmpty(), "some segment has members");
      ComputeFixture.assertSame(ComputeFixture.oracle(clickHouse, W, plan.getNowMs()), split, "split run vs oracle");
      ComputeFixture.assertSame(unsplit(config, clickHouse, plan), split, "split run vs unsplit run");

      // Toggles: one ENTERED per member of each segment, nothing else yet (first computation from empty).
      // They are produced just before each part's result, on other partitions, so give them a moment.
      int members = split.members().values().stream().mapToInt(java.util.Set::size).sum();
      List<AssignmentChange> toggles = new ArrayList<>();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        toggles.clear();
        toggles.addAll(read(config, config.topics().assignments(), new AvroSerde<>(AssignmentChange.class)));
        Map<String, Integer> entered = new HashMap<>();
        toggles.stream().filter(c -> c.getChange() == ChangeKind.ENTERED).forEach(c -> entered.merge(c.getPropertyId() + "/" + c.getUserId(), 1, Integer::sum));
        assertEquals(members, entered.size());
        assertTrue(entered.values().stream().allMatch(n -> n == 1), "exactly one toggle per real change");
      });

      // Restated events (same messageIds) change nothing, so they toggle nothing. Only time itself may move
      // users out of the windowed segment between the two computes.
      ComputeFixture.produce(config, events.subList(0, 200));
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> state(config),
          s -> ComputeFixture.readyToTick(s, events.size() + 200));
      long later = System.currentTimeMillis();
      ComputeFixture.tick(config, W, later);
      PlannerState again = ComputeFixture.awaitComputed(config, W, events.size() + 200, Duration.ofMinutes(2));
      Plan second = again.getCompleted().get(again.getCompleted().size() - 1);
      List<AssignmentChange> after = read(config, config.topics().assignments(), new AvroSerde<>(AssignmentChange.class));
      ComputeFixture.assertSame(ComputeFixture.oracle(clickHouse, W, second.getNowMs()), ComputeFixture.computed(clickHouse, W),
          "after restatements vs oracle");
      // Partitions interleave differently on each read, so subtract the earlier toggles as a multiset.
      List<AssignmentChange> added = new ArrayList<>(after);
      toggles.forEach(added::remove);
      assertEquals(after.size() - toggles.size(), added.size(), "every earlier toggle is still there");
      for (AssignmentChange c : added) {
        assertTrue(c.getPropertyId().equals("recent-viewer") && c.getChange() == ChangeKind.LEFT, "unexpected toggle " + c);
      }
    } finally {
      ItServices.cleanup(config);
    }
  }

  /**
   * The cap, seen by ClickHouse rather than by the sink's own counters (which sit inside the K-thread pool they
   * would measure). The planner keeps only K parts of one plan in flight, so one workspace never tests the cap:
   * here four split workspaces share the only partition, so more tasks wait than there are slots.
   */
  @Test
  void theSinkNeverRunsMoreThanKStatementsAtOnce() throws Exception {
    AppConfig config = ItServices.isolatedConfig(Map.of("granular.planner.threshold", T, "granular.planner.scheduler-interval", "0s",
        "granular.sink.concurrency-per-partition", K, "granular.kafka.partitions", 1));
    ItServices.migrate(config);
    List<String> workspaces = List.of("cap-1", "cap-2", "cap-3", "cap-4");
    Map<String, Integer> records = new HashMap<>();
    List<byte[]> events = new ArrayList<>();
    for (String w : workspaces) {
      List<byte[]> own = ComputeFixture.events(w, 2_500, 300, 5, System.currentTimeMillis());
      records.put(w, own.size());
      events.addAll(own);
    }
    try (GranularApp app = new GranularApp(config)) {
      app.start();
      for (String w : workspaces) {
        ComputeFixture.produceDefinitions(config, w);
      }
      ComputeFixture.produce(config, events);
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> workspaces.stream()
          .allMatch(w -> {
            PlannerState s = state(config, w);
            return ComputeFixture.readyToTick(s, records.get(w)) && s.getProperties() == 8;
          }));
      int peak;
      try (RunningStatements running = new RunningStatements(config.clickHouse())) {
        long now = System.currentTimeMillis();
        for (String w : workspaces) {
          ComputeFixture.tick(config, w, now);
        }
        for (String w : workspaces) {
          Plan plan = last(ComputeFixture.awaitComputed(config, w, records.get(w), Duration.ofMinutes(4)));
          assertTrue(plan.getSplit() && plan.getTickAtMs() >= now, w + ": a split plan for this tick");
        }
        peak = running.peak();
        System.out.println("concurrency cap K=" + K + ": " + running);
      }
      assertTrue(peak <= K, "at most K=" + K + " compute statements at once on the partition, ClickHouse ran " + peak);
      assertTrue(peak > 1, "with K=" + K + " and tasks waiting, statements must overlap, or this test sees no concurrency: " + peak);
      assertTrue(app.metrics().sink().maxInFlight(0) >= peak, "the sink's own gauge saw at least what ClickHouse ran");
    } finally {
      ItServices.cleanup(config);
    }
  }

  private static Plan last(PlannerState s) {
    return s.getCompleted().get(s.getCompleted().size() - 1);
  }

  private static PlannerState state(AppConfig config) {
    return state(config, W);
  }

  private static PlannerState state(AppConfig config, String workspace) {
    PlannerState s = dev.granular.app.topology.PlannerSnapshot.read(config).states().get(workspace);
    return s == null ? dev.granular.app.planner.Planner.fresh(workspace) : s;
  }

  /** The same events and definitions computed as one task over one window, in a database of its own. */
  private static ComputeFixture.Assignments unsplit(AppConfig config, ClickHouse source, Plan plan) {
    var settings = config.clickHouse().withDatabase(config.clickHouse().database() + "_unsplit");
    try (ClickHouse other = new ClickHouse(settings)) {
      new Migrator(other).migrate();
      try {
        other.execute("INSERT INTO " + other.table("user_events") + " SELECT * FROM " + source.table("user_events"));
        var index = ProfileCompiler.compile(W, ComputeFixture.parsedDefinitions(W));
        new ComputeEngine(other, new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)))
            .compute(index, new ProcessingWindow(0, plan.getWindowToMs()), ComputeScope.all(), plan.getNowMs());
        return ComputeFixture.computed(other, W);
      } finally {
        new Migrator(other).dropDatabase();
      }
    }
  }


  static <T extends org.apache.avro.specific.SpecificRecord> List<T> read(AppConfig config, String topic, AvroSerde<T> serde) {
    List<T> out = new ArrayList<>();
    TopicScan.scan(config.kafka().bootstrapServers(), topic, r -> out.add(serde.deserializer().deserialize(topic, r.value())));
    return out;
  }
}
