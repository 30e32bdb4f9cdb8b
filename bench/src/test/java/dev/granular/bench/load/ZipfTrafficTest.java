package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZipfTrafficTest {
  private static final LoadConfig CONFIG = LoadConfig.builder().seed(600).runId("t").workspacePrefix("p6")
      .smallWorkspaces(199).eventsPerWorkspace(1_000_000_000L).whaleFactor(1).usersPerWorkspace(50).whaleUsers(500)
      .startTimeMs(1_000).durationMs(1).build();

  @Test
  void theWhaleIsTheBusiestAndTheTailIsLong() {
    ZipfTraffic traffic = new ZipfTraffic(CONFIG, 1.0);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      counts.merge(traffic.next(2_000 + i).workspaceId(), 1, Integer::sum);
    }
    int whale = counts.get("p6-whale");
    assertTrue(counts.values().stream().allMatch(c -> c <= whale), counts.toString());
    assertEquals(traffic.whaleShare(), whale / 50_000.0, 0.01);
    assertTrue(counts.get("p6-001") > 10 * counts.getOrDefault("p6-199", 0), "rank 2 against rank 200");
  }

  @Test
  void aNewOnTimeEventCarriesItsSendTimeAndLateOnesAreOlder() {
    ZipfTraffic traffic = new ZipfTraffic(CONFIG, 1.0);
    int onTime = 0;
    for (int i = 0; i < 5_000; i++) {
      long now = 1_800_000_000_000L + i;
      GeneratedEvent e = traffic.next(now);
      if (e.kind() == GeneratedEvent.Kind.FRESH && !e.late()) {
        assertTrue(e.json().contains("\"timestamp\":\"" + java.time.Instant.ofEpochMilli(now) + "\""), e.json());
        onTime++;
      }
      if (e.late()) {
        assertTrue(e.positionTimeMs() == now && !e.json().contains(java.time.Instant.ofEpochMilli(now).toString()));
      }
    }
    assertTrue(onTime > 4_000, "most records are new events on time: " + onTime);
  }

  @Test
  void eachWorkspaceHasItsOwnNumberOfPropertiesWithinTheRange() {
    VariedDefinitions defs = new VariedDefinitions(CONFIG, 20, 200);
    Set<Integer> sizes = new HashSet<>();
    int total = 0;
    for (int w = 0; w < CONFIG.workspaceCount(); w++) {
      int n = defs.properties(w);
      assertTrue(n >= 20 && n <= 200, "workspace " + w + ": " + n);
      sizes.add(n);
      total += n;
    }
    assertTrue(sizes.size() > 50, "drawn, not fixed: " + sizes.size() + " distinct sizes");
    List<GeneratedDefinition> all = defs.definitions();
    assertEquals(total, all.size());
    assertEquals(defs.properties(0), all.stream().filter(d -> d.workspaceId().equals("p6-001")).count());
  }
}
