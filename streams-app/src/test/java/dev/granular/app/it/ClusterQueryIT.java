package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.app.GranularApp;
import dev.granular.app.config.AppConfig;
import dev.granular.app.topology.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one consumer group: each answers for every workspace, the owner's state is what answers,
 * and a question asked of the wrong instance is forwarded to the owner exactly once.
 */
class ClusterQueryIT {
  @Test
  void eitherInstanceAnswersForEveryWorkspaceFromItsOwner() throws Exception {
    Map<String, Object> settings = ItServices.isolatedSettings(Map.of("granular.planner.scheduler-interval", "0s",
        "granular.kafka.num-stream-threads", 1));
    AppConfig configA = AppConfig.load(null, settings);
    Map<String, Object> second = new HashMap<>(settings);
    second.put("granular.kafka.state-dir", Files.createTempDirectory("granular-it-b-").toString());
    AppConfig configB = AppConfig.load(null, second);
    ItServices.migrate(configA);
    List<String> workspaces = onePerPartition(configA.kafka().partitions());
    try (GranularApp a = new GranularApp(configA); GranularApp b = new GranularApp(configB)) {
      a.start();
      b.start();
      HttpProbe httpA = new HttpProbe(a.httpPort());
      HttpProbe httpB = new HttpProbe(b.httpPort());
      String nameA = "127.0.0.1:" + a.httpPort();
      String nameB = "127.0.0.1:" + b.httpPort();
      for (String ws : workspaces) {
        ComputeFixture.produceDefinitions(configA, ws);
        ComputeFixture.produce(configA, ComputeFixture.events(ws, 150, 40, ws.hashCode(), System.currentTimeMillis()));
      }
      // Both instances running, each owning some workspace, and every workspace known with its events, its
      // watermark at its latest durable event (every input partition has reported past them), so one tick covers all.
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
          a.streams().state() == KafkaStreams.State.RUNNING && b.streams().state() == KafkaStreams.State.RUNNING
              && owners(a, workspaces).containsValue(nameA) && owners(a, workspaces).containsValue(nameB)
              && workspaces.stream().allMatch(ws -> {
                HttpProbe.Answer w = httpA.get("/api/workspaces/" + ws);
                return w.status() == 200 && w.json().get("eventsSinceCursor").asLong() >= 150 && w.json().get("properties").asInt() == 8
                    && w.json().get("watermarkMs").asLong() >= w.json().get("durableMaxMs").asLong();
              }));
      // Ticks sent through A, whoever owns the workspace.
      for (String ws : workspaces) {
        HttpProbe.Answer tick = httpA.post("/api/workspaces/" + ws + "/tick");
        assertEquals(202, tick.status(), tick.body());
        assertEquals(owners(a, workspaces).get(ws), tick.servedBy());
      }
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> workspaces.stream().allMatch(ws -> {
        JsonNode w = httpB.get("/api/workspaces/" + ws).json();
        return w.has("completed") && w.get("completed").size() > 0 && !w.has("inFlight") && w.get("lagMs").asLong() == 0;
      }));

      await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
        Map<String, String> owner = owners(a, workspaces);
        assertEquals(owner, owners(b, workspaces), "both instances see the same owners");
        for (String ws : workspaces) {
          String other = owner.get(ws).equals(nameA) ? nameB : nameA;
          for (String path : List.of("/api/workspaces/" + ws, "/api/workspaces/" + ws + "/segments/pro?limit=5",
              "/api/workspaces/" + ws + "/segments/pro/size", "/api/workspaces/" + ws + "/users/u1", "/api/workspaces/" + ws + "/users/nobody",
              "/api/workspaces/" + ws + "/segments/%27%20OR%201%3D1%20--")) {
            HttpProbe.Answer fromA = httpA.get(path);
            HttpProbe.Answer fromB = httpB.get(path);
            assertEquals(owner.get(ws), fromA.servedBy(), path + " at A (" + nameA + ")");
            assertEquals(owner.get(ws), fromB.servedBy(), path + " at B (" + nameB + ")");
            assertTrue(fromA.status() == 200 || fromA.status() == 404, path + ": " + fromA.body());
            assertEquals(fromA.status(), fromB.status(), path);
            assertEquals(comparable(fromA.json()), comparable(fromB.json()), path + " asked of " + other + " and of the owner");
          }
          assertEquals(200, httpA.get("/api/workspaces/" + ws + "/segments/pro?limit=5").status());
        }
        JsonNode statusA = httpA.get("/api/status").json();
        JsonNode statusB = httpB.get("/api/status").json();
        assertEquals(workspaces.size(), statusA.get("workspaces").size(), statusA.toString());
        assertEquals(statusA.get("workspaces"), statusB.get("workspaces"));
        assertEquals(2, statusA.get("instances").size());
        JsonNode overview = httpB.get("/api/overview").json();
        assertEquals(2, overview.get("instances").size());
      });
    } finally {
      ItServices.cleanup(configA);
      ItServices.cleanup(configB);
    }
  }

  /** Workspace id to the host:port of the instance that owns its planner state, as {@code app} sees it. */
  private static Map<String, String> owners(GranularApp app, List<String> workspaces) {
    Map<String, String> out = new HashMap<>();
    for (String ws : workspaces) {
      var meta = app.streams().queryMetadataForKey(Stores.PLANNER_STATE, ws, Serdes.String().serializer());
      out.put(ws, meta.activeHost().host() + ":" + meta.activeHost().port());
    }
    return out;
  }

  /** The explanation carries the time it was made; everything else must be identical. */
  private static JsonNode comparable(JsonNode answer) {
    if (answer.has("explain")) {
      ((ObjectNode) answer.get("explain")).remove("now");
    }
    return answer;
  }

  /** A workspace id for each partition (Kafka's default partitioner on the String key), so both instances own some. */
  private static List<String> onePerPartition(int partitions) {
    List<String> out = new ArrayList<>();
    boolean[] covered = new boolean[partitions];
    for (int i = 0; out.size() < partitions; i++) {
      String ws = "cluster-" + i;
      int p = Utils.toPositive(Utils.murmur2(ws.getBytes(StandardCharsets.UTF_8))) % partitions;
      if (!covered[p]) {
        covered[p] = true;
        out.add(ws);
      }
    }
    return out;
  }
}
