package dev.granular.app.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.GranularApp;
import dev.granular.app.lifecycle.ApplicationTopics;
import dev.granular.app.topology.StreamsRole;
import dev.granular.avro.Plan;
import dev.granular.avro.PlannerState;
import dev.granular.sink.client.ClickHouse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * `granular backfill` and `granular reset` on the real broker and ClickHouse, checked against the run before them:
 * the same answers, no new change records, definitions kept, and no topic of anyone else deleted.
 */
class BackfillIT {
  private static final String A = "acme";
  private static final String B = "o'brien \\ co"; // hostile: quotes and a backslash in a workspace id

  @Test
  void aFullBackfillReplaysEverythingAndEndsWithTheSameAnswersAndNoNewChanges() throws Exception {
    BackfillFixture f = new BackfillFixture();
    String app = f.config.kafka().applicationId();
    // A stock StreamsResetter of this application would delete the second one (it matches "<application.id>-").
    List<String> bystanders = List.of("granular-bystander-" + app + "-changelog", app + "-bystander-changelog");
    try (ClickHouse clickHouse = new ClickHouse(f.config.clickHouse()); Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
      admin.createTopics(bystanders.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
      List<byte[]> a = BackfillFixture.events(A, "a1", 600, 1);
      List<byte[]> b = BackfillFixture.events(B, "b1", 400, 2);
      try (GranularApp running = f.start()) {
        ComputeFixture.produceDefinitions(f.config, A);
        ComputeFixture.produceDefinitions(f.config, B);
        f.produceAt(a, System.currentTimeMillis());
        f.produceAt(b, System.currentTimeMillis());
        f.compute(A, a.size());
        f.compute(B, b.size());
        f.awaitCaughtUp();
      }
      var before = Map.of(A, ComputeFixture.computed(clickHouse, A), B, ComputeFixture.computed(clickHouse, B));
      long[] storedA = f.stored(clickHouse, A, 0, "a1");
      long[] storedB = f.stored(clickHouse, B, 0, "b1");
      int changes = f.changes().size();
      assertTrue(changes > 0, "the first computation published changes");
      long backfillAt = System.currentTimeMillis();

      f.awaitGroupEmpty();
      BackfillFixture.CliRun run = f.cli("backfill", "--json");
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains("\"records\":" + (a.size() + b.size())), run.out());

      try (GranularApp restarted = f.start()) {
        f.awaitIngested(A, 2L * a.size()); // every record read again counts as durable again
        f.awaitIngested(B, 2L * b.size());
        f.awaitCaughtUp();
        PlannerState sa = f.compute(A, 2L * a.size());
        PlannerState sb = f.compute(B, 2L * b.size());
        for (PlannerState s : List.of(sa, sb)) {
          assertEquals(ComputeFixture.DEFINITIONS.size(), s.getProperties(), "definitions survive the backfill: " + s.getWorkspaceId());
          assertTrue(s.getCompleted().stream().anyMatch(p -> p.getWindowFromMs() == 0 && p.getPlannedAtMs() >= backfillAt),
              "the planner was rewound to 0 and recomputed: " + s.getCompleted());
        }
      }
      assertArrayEquals(storedA, f.stored(clickHouse, A, 0, "a1"), "distinct events of A unchanged");
      assertArrayEquals(storedB, f.stored(clickHouse, B, 0, "b1"), "distinct events of B unchanged");
      assertArrayEquals(storedA, f.stored(clickHouse, A, backfillAt, "a1"), "every event of A was stored again by the replay");
      assertArrayEquals(storedB, f.stored(clickHouse, B, backfillAt, "b1"), "every event of B was stored again by the replay");
      ComputeFixture.assertSame(before.get(A), ComputeFixture.computed(clickHouse, A), "A after backfill");
      ComputeFixture.assertSame(before.get(B), ComputeFixture.computed(clickHouse, B), "B after backfill");
      assertEquals(changes, f.changes().size(), "no change record for assignments that did not change");
      assertTrue(admin.listTopics().names().get().containsAll(bystanders), "other applications' topics survive");
    } finally {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
        admin.deleteTopics(bystanders);
      }
      f.cleanup();
    }
  }

  @Test
  void backfillFromATimeForOneWorkspaceReplaysOnlyItsEventsReceivedSinceThen() throws Exception {
    BackfillFixture f = new BackfillFixture();
    long base = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
    try (ClickHouse clickHouse = new ClickHouse(f.config.clickHouse())) {
      List<byte[]> a1 = BackfillFixture.events(A, "a1", 300, 3);
      List<byte[]> b1 = BackfillFixture.events(B, "b1", 200, 4);
      List<byte[]> a2 = BackfillFixture.events(A, "a2", 250, 5);
      List<byte[]> b2 = BackfillFixture.events(B, "b2", 150, 6);
      try (GranularApp running = f.start()) {
        ComputeFixture.produceDefinitions(f.config, A);
        ComputeFixture.produceDefinitions(f.config, B);
        f.produceAt(a1, base);
        f.produceAt(b1, base);
        f.produceAt(a2, base + 60_000);
        f.produceAt(b2, base + 60_000);
        f.compute(A, a1.size() + a2.size());
        f.compute(B, b1.size() + b2.size());
        f.awaitCaughtUp();
      }
      var beforeA = ComputeFixture.computed(clickHouse, A);
      var beforeB = ComputeFixture.computed(clickHouse, B);
      long[] a2Stored = f.stored(clickHouse, A, 0, "a2");
      long[] storedB = f.stored(clickHouse, B, 0, "b");
      int changes = f.changes().size();
      long backfillAt = System.currentTimeMillis();

      String from = java.time.Instant.ofEpochMilli(base + 30_000).toString();
      f.awaitGroupEmpty();
      BackfillFixture.CliRun run = f.cli("backfill", "--from", from, "--workspace", A, "--json");
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains("\"records\":" + (a2.size() + b2.size())), "only records since --from are read again: " + run.out());

      try (GranularApp restarted = f.start()) {
        f.awaitIngested(A, a1.size() + 2L * a2.size());
        f.awaitCaughtUp();
        PlannerState sa = f.compute(A, a1.size() + 2L * a2.size());
        Plan rewound = sa.getCompleted().stream().filter(p -> p.getWindowFromMs() == base + 30_000).findFirst().orElse(null);
        assertTrue(rewound != null, "A's planner was rewound to --from: " + sa.getCompleted());
      }
      assertArrayEquals(new long[] {a2Stored[1], a2Stored[1]}, f.stored(clickHouse, A, backfillAt, "a2"),
          "A: exactly the events received since --from were replayed, none before");
      assertArrayEquals(new long[] {0, 0}, f.stored(clickHouse, B, backfillAt, "b"), "B was not selected: nothing of it replayed");
      assertArrayEquals(storedB, f.stored(clickHouse, B, 0, "b"));
      ComputeFixture.assertSame(beforeA, ComputeFixture.computed(clickHouse, A), "A after backfill");
      ComputeFixture.assertSame(beforeB, ComputeFixture.computed(clickHouse, B), "B after backfill");
      assertEquals(changes, f.changes().size(), "no new change records");
    } finally {
      f.cleanup();
    }
  }

  @Test
  void aBackfillWhileAnInstanceIsAliveIsRefusedAndChangesNothing() throws Exception {
    BackfillFixture f = new BackfillFixture();
    try (GranularApp running = f.start()) {
      ComputeFixture.produceDefinitions(f.config, A);
      f.produceAt(BackfillFixture.events(A, "a", 50, 7), System.currentTimeMillis());
      f.awaitIngested(A, 50);
      f.awaitCaughtUp();
      Map<String, Long> before = f.offsets();
      BackfillFixture.CliRun run = f.cli("backfill");
      assertEquals(3, run.code(), "refused: " + run.out());
      assertTrue(run.err().contains("live member"), run.err());
      assertTrue(run.err().contains("Nothing was changed"), run.err());
      assertEquals(before, f.offsets(), "committed offsets and topic ends are unchanged");
      BackfillFixture.CliRun reset = f.cli("reset", "--yes");
      assertEquals(3, reset.code(), "reset refused too: " + reset.out());
      assertEquals(before, f.offsets());
      assertTrue(Set.of(org.apache.kafka.streams.KafkaStreams.State.RUNNING, org.apache.kafka.streams.KafkaStreams.State.REBALANCING)
          .contains(running.streams().state()), "the running instance is untouched");
    } finally {
      f.cleanup();
    }
  }

  @Test
  void resetStartsOverFromTheTopicsDeletingExactlyItsOwnInternalTopics() throws Exception {
    BackfillFixture f = new BackfillFixture();
    String app = f.config.kafka().applicationId();
    String bystander = app + "-bystander-changelog";
    try (ClickHouse clickHouse = new ClickHouse(f.config.clickHouse()); Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(bystander, 1, (short) 1))).all().get();
      List<byte[]> a = BackfillFixture.events(A, "a", 400, 8);
      try (GranularApp running = f.start()) {
        ComputeFixture.produceDefinitions(f.config, A);
        f.produceAt(a, System.currentTimeMillis());
        f.compute(A, a.size());
        f.awaitCaughtUp();
      }
      var before = ComputeFixture.computed(clickHouse, A);
      int changes = f.changes().size();
      Set<String> internal = new java.util.TreeSet<>();
      for (StreamsRole role : StreamsRole.values()) {
        internal.addAll(ApplicationTopics.of(f.config, role).internal());
      }
      Set<String> present = new java.util.TreeSet<>(admin.listTopics().names().get());
      present.removeIf(t -> !t.startsWith(app + "-") && !t.startsWith(StreamsRole.INGEST.applicationId(f.config) + "-"));
      present.remove(bystander);
      assertEquals(internal, present, "the internal topics derived from the topology are exactly those Kafka Streams made");

      f.awaitGroupEmpty();
      BackfillFixture.CliRun run = f.cli("reset", "--yes", "--json");
      assertEquals(0, run.code(), run.err());
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
          admin.listTopics().names().get().stream().noneMatch(internal::contains));
      assertTrue(admin.listTopics().names().get().contains(bystander), "a topic it did not name itself survives");

      try (GranularApp restarted = f.start()) {
        PlannerState s = f.compute(A, a.size());
        assertEquals(ComputeFixture.DEFINITIONS.size(), s.getProperties(), "definitions are read again from their topic");
      }
      ComputeFixture.assertSame(before, ComputeFixture.computed(clickHouse, A), "A after starting over");
      assertEquals(changes, f.changes().size(), "no new change records");
    } finally {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", ItServices.BOOTSTRAP))) {
        admin.deleteTopics(List.of(bystander));
      }
      f.cleanup();
    }
  }
}
