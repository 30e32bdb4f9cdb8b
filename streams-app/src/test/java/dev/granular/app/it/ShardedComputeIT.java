package dev.granular.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.definitions.CompiledWorkspace;
import dev.granular.app.sink.ChangeRecords;
import dev.granular.app.sink.EngineTaskWork;
import dev.granular.app.sink.ShardedTaskWork;
import dev.granular.app.sink.TaskWork;
import dev.granular.avro.AssignmentChange;
import dev.granular.avro.ComputeTask;
import dev.granular.avro.WorkspaceDefinitions;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.client.ClickHouseSettings;
import dev.granular.sink.client.RetryPolicy;
import dev.granular.sink.cluster.ClusterDatabase;
import dev.granular.sink.cluster.Replicas;
import dev.granular.sink.cluster.ShardedEventSink;
import dev.granular.sink.cluster.TestCluster;
import dev.granular.sink.compute.AssignmentReader;
import dev.granular.sink.events.EventBatchWriter;
import dev.granular.sink.events.StoredEvent;
import dev.granular.sink.scenario.ScratchDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same events and tasks on one server and on the local cluster (`make cluster-up`; `make test-cluster`): the
 * same change records and the same stored assignments, whole or split into buckets that do and do not align with
 * the shards, and both equal to the in-memory oracle.
 */
@Tag("cluster")
class ShardedComputeIT {
  private static final String W = "w-cluster";
  private static final long NOW = 1_700_000_000_000L;
  private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20));
  private final ScratchDatabase single = ScratchDatabase.create(new ClickHouseSettings(
      System.getProperty("it.clickhouse.url", "http://127.0.0.1:8123"), "default", "", "default", Duration.ofSeconds(60),
      Duration.ofSeconds(60)), "granular_sharded_it");
  private final ClusterDatabase cluster = new ClusterDatabase(single.name()); // one random suffix for both

  @AfterEach
  void drop() {
    try {
      cluster.close();
    } finally {
      single.close();
    }
  }

  @Test
  void theClusterComputesWhatOneServerComputesWholeAndInBucketsOfEitherShape() {
    List<List<ClickHouse>> replicas = cluster.migrated().replicas();
    ShardedEventSink clusterIngest = new ShardedEventSink(TestCluster.LAYOUT,
        replicas.stream().map(Replicas::new).toList(), RETRY);
    EventBatchWriter singleIngest = new EventBatchWriter(single.clickHouse(), RETRY);
    TaskWork clusterWork = new ShardedTaskWork(TestCluster.LAYOUT, replicas, RETRY);
    TaskWork singleWork = new EngineTaskWork(single.clickHouse(), RETRY);

    List<StoredEvent> first = events(0, 1_500);
    singleIngest.write(first);
    clusterIngest.write(first);
    WorkspaceDefinitions stored = definitions();
    CompiledWorkspace v1 = CompiledWorkspace.of(stored);
    assertSameRun(singleWork, clusterWork, task(0, 1_500, 0, 1), v1, "first window, whole (every leaf backfilled)");

    CompiledWorkspace v2 = CompiledWorkspace.of(v1.withBaseline(stored));
    List<StoredEvent> second = events(1_500, 3_000);
    singleIngest.write(second);
    clusterIngest.write(second);
    for (int b = 0; b < 4; b++) { // 4 buckets on 2 shards: each bucket on one shard
      assertSameRun(singleWork, clusterWork, task(1_500, 3_000, b, 4), v2, "second window, bucket " + b + " of 4");
    }
    List<StoredEvent> third = events(3_000, 4_000);
    singleIngest.write(third);
    clusterIngest.write(third);
    for (int b = 0; b < 3; b++) { // 3 buckets on 2 shards: each bucket on both
      assertSameRun(singleWork, clusterWork, task(3_000, 4_000, b, 3), v2, "third window, bucket " + b + " of 3");
    }
    ComputeFixture.Assignments expected = ComputeFixture.oracle(single.clickHouse(), W, NOW + 4_000);
    ComputeFixture.assertSame(expected, ComputeFixture.computed(single.clickHouse(), W), "one server against the oracle");
    assertEquals(snapshot(List.of(single.clickHouse())), snapshot(cluster.shards(1)), "stored assignments, read on the other replicas");
  }

  private void assertSameRun(TaskWork singleWork, TaskWork clusterWork, ComputeTask task, CompiledWorkspace ws, String what) {
    Set<String> fromSingle = changes(singleWork.run(task, ws));
    Set<String> fromCluster = changes(clusterWork.run(task, ws));
    assertEquals(fromSingle, fromCluster, what + ": change records");
    if (what.startsWith("first")) {
      assertTrue(fromSingle.size() > 50, what + ": a real workload changes many assignments, got " + fromSingle.size());
    }
  }

  private static Set<String> changes(TaskWork.Outcome outcome) {
    Set<String> out = new TreeSet<>();
    try (ChangeRecords records = outcome.changes()) {
      for (AssignmentChange c : records) {
        out.add(c.getUserId() + "|" + c.getPropertyId() + "|" + c.getChange() + "|" + c.getValueJson() + "|" + c.getAsOfMs());
      }
      assertEquals(out.size(), records.count(), "no change twice");
    }
    return out;
  }

  private Map<String, Object> snapshot(List<ClickHouse> servers) {
    Map<String, Set<String>> members = new TreeMap<>();
    Map<String, Map<String, Object>> values = new TreeMap<>();
    for (ClickHouse server : servers) {
      if (servers.size() > 1) {
        server.execute("SYSTEM SYNC REPLICA " + server.table("assignments"));
      }
      AssignmentReader.Snapshot s = new AssignmentReader(server, RETRY).snapshot(W);
      s.members().forEach((p, users) -> members.computeIfAbsent(p, k -> new TreeSet<>()).addAll(users));
      s.values().forEach((p, byUser) -> values.computeIfAbsent(p, k -> new TreeMap<>()).putAll(byUser));
    }
    members.values().removeIf(Set::isEmpty);
    return Map.of("members", members, "values", values);
  }

  /** Events at processing times (from, to], over 120 users, some with hostile ids, restatements included. */
  private static List<StoredEvent> events(int from, int to) {
    Random random = new Random(from);
    String[] hostile = {"o'brien", "'); DROP TABLE assignments; --", "back\\slash", "emoji \uD83D\uDE80", "tab\tand\nnewline"};
    List<StoredEvent> out = new ArrayList<>();
    for (int i = from + 1; i <= to; i++) {
      if (!out.isEmpty() && random.nextInt(10) == 0) {
        StoredEvent last = out.get(out.size() - 1); // a restatement: the same event again, received later
        out.add(new StoredEvent(W, last.messageId(), last.type(), last.userId(), null, last.event(), last.propertiesJson(),
            last.traitsJson(), last.eventTimeMs(), NOW + i));
        continue;
      }
      int u = random.nextInt(120);
      String user = u < hostile.length ? hostile[u] : "u" + u;
      long eventTime = NOW - random.nextInt(3_600_000);
      String messageId = "m" + i;
      if (random.nextInt(3) == 0) {
        out.add(new StoredEvent(W, messageId, "identify", user, null, null, "{}", "{\"plan\":\"" + (random.nextBoolean() ? "pro" : "free")
            + "\",\"country\":\"" + (random.nextBoolean() ? "DE" : "FR") + "\"}", eventTime, NOW + i));
      } else {
        String name = random.nextBoolean() ? "Bought Shoes" : "Viewed Product";
        out.add(new StoredEvent(W, messageId, "track", user, null, name, "{\"price\":" + random.nextInt(200) + ",\"sku\":\"sku-"
            + random.nextInt(30) + "\"}", "{}", eventTime, NOW + i));
      }
    }
    return out;
  }

  private static WorkspaceDefinitions definitions() {
    Map<String, String> byId = new HashMap<>();
    for (String json : ComputeFixture.definitionsFor(W)) {
      byId.put(idOf(json), json);
    }
    return WorkspaceDefinitions.newBuilder().setWorkspaceId(W).setVersion(1).setDefinitions(byId).build();
  }

  private static String idOf(String json) {
    try {
      return ComputeFixture.JSON.readTree(json).get("id").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ComputeTask task(long fromMs, long toMs, int bucket, int buckets) {
    return new ComputeTask("plan-" + fromMs + "-" + bucket, W, bucket, buckets, 0, NOW + fromMs, NOW + toMs, NOW + toMs, bucket,
        buckets, List.of(), 1L, NOW + toMs, NOW + toMs, 1_000L, 1, buckets > 1, -1);
  }
}
