package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LoadShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<GeneratedEvent> ALL = LoadFixture.EVENTS_LIST;
  private static final LoadConfig CONFIG = LoadFixture.CONFIG;

  private static long count(Predicate<GeneratedEvent> which) {
    return ALL.stream().filter(which).count();
  }

  private static JsonNode parse(GeneratedEvent e) {
    try {
      return JSON.readTree(e.json());
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void whaleHasFactorTimesTheRecordsOfEachSmallWorkspace() {
    Map<String, Long> perWorkspace = new HashMap<>();
    ALL.forEach(e -> perWorkspace.merge(e.workspaceId(), 1L, Long::sum));
    assertEquals(LoadFixture.SMALL + 1, perWorkspace.size());
    for (int w = 0; w < LoadFixture.SMALL; w++) {
      assertEquals(LoadFixture.EVENTS, perWorkspace.get(CONFIG.workspaceId(w)));
    }
    assertEquals(LoadFixture.EVENTS * LoadFixture.WHALE, perWorkspace.get("ws-whale"));
    long smallFresh = count(e -> e.workspaceId().equals("ws-001") && e.kind() == GeneratedEvent.Kind.FRESH);
    long whaleFresh = count(e -> e.workspaceId().equals("ws-whale") && e.kind() == GeneratedEvent.Kind.FRESH);
    assertEquals(LoadFixture.WHALE, (double) whaleFresh / smallFresh, 0.05 * LoadFixture.WHALE, "new events scale too");
  }

  @Test
  void userActivityIsZipfSkewed() {
    Map<String, Integer> perUser = new HashMap<>();
    ALL.stream().filter(e -> e.workspaceId().equals("ws-whale") && e.kind() == GeneratedEvent.Kind.FRESH).forEach(e -> {
      JsonNode event = parse(e);
      String user = event.has("userId") ? event.get("userId").asText() : event.get("anonymousId").asText().replace("anon-", "u-");
      perUser.merge(user, 1, Integer::sum);
    });
    List<Integer> counts = new ArrayList<>(perUser.values());
    counts.sort(null);
    int top = counts.get(counts.size() - 1);
    int median = counts.get(counts.size() / 2);
    assertTrue(top > 50 * median, "top user " + top + " vs median " + median);
    assertEquals(20_000, CONFIG.usersFor(LoadFixture.SMALL), "the whale has users x factor by default");
  }

  @Test
  void eventNamesAreZipfSkewed() {
    Map<String, Integer> perName = new HashMap<>();
    ALL.stream().filter(e -> e.kind() == GeneratedEvent.Kind.FRESH).map(LoadShapeTest::parse)
        .filter(e -> e.get("type").asText().equals("track")).forEach(e -> perName.merge(e.get("event").asText(), 1, Integer::sum));
    assertEquals(CONFIG.eventNames(), perName.size());
    List<Integer> counts = new ArrayList<>(perName.values());
    counts.sort(null);
    assertTrue(counts.get(counts.size() - 1) > 5 * counts.get(counts.size() / 2), "name counts " + counts);
  }

  @Test
  void restatementNearDuplicateInvalidAndLateSharesMatchTheConfig() {
    double total = ALL.size();
    assertEquals(CONFIG.restatementRate(), count(e -> e.kind() == GeneratedEvent.Kind.RESTATEMENT) / total, 0.005);
    assertEquals(CONFIG.nearDuplicateRate(), count(e -> e.kind() == GeneratedEvent.Kind.NEAR_DUPLICATE) / total, 0.005);
    assertEquals(CONFIG.invalidRate(), count(e -> e.kind() == GeneratedEvent.Kind.INVALID) / total, 0.002);
    double fresh = count(e -> e.kind() == GeneratedEvent.Kind.FRESH);
    assertEquals(CONFIG.outOfOrderRate(), count(GeneratedEvent::late) / fresh, 0.01);
    assertTrue(ALL.stream().filter(GeneratedEvent::late).allMatch(e -> e.kind() == GeneratedEvent.Kind.FRESH));
  }

  @Test
  void lateEventsAreEarlierThanTheirPositionByAtMostTheMaximumLateness() {
    for (GeneratedEvent e : ALL) {
      if (e.kind() == GeneratedEvent.Kind.FRESH || e.kind() == GeneratedEvent.Kind.NEAR_DUPLICATE) {
        long time = Instant.parse(parse(e).get("timestamp").asText()).toEpochMilli();
        if (e.late()) {
          assertTrue(time < e.positionTimeMs() && time >= e.positionTimeMs() - CONFIG.maxLatenessMs(), e.json());
        } else {
          assertEquals(e.positionTimeMs(), time, e.json());
        }
      }
    }
  }

  @Test
  void restatementsRepeatAnEarlierRecordAndNearDuplicatesItsContentUnderANewMessageId() {
    Set<String> seenTexts = new HashSet<>();
    Set<String> seenMessageIds = new HashSet<>();
    Set<JsonNode> seenContents = new HashSet<>();
    int restated = 0;
    int nearDuplicated = 0;
    for (GeneratedEvent e : ALL) {
      if (!e.valid()) {
        continue;
      }
      ObjectNode event = (ObjectNode) parse(e);
      String messageId = event.get("messageId").asText();
      ObjectNode content = event.deepCopy();
      content.remove(List.of("messageId", "timestamp"));
      switch (e.kind()) {
        case RESTATEMENT -> {
          assertTrue(seenTexts.contains(e.json()), "a restatement repeats an earlier record byte for byte");
          restated++;
        }
        case NEAR_DUPLICATE -> {
          assertFalse(seenMessageIds.contains(messageId), "a near-duplicate has a new messageId");
          assertTrue(seenContents.contains(content), "a near-duplicate repeats an earlier event's content");
          nearDuplicated++;
        }
        default -> assertTrue(seenMessageIds.add(messageId), "new events have new messageIds");
      }
      seenMessageIds.add(messageId);
      seenTexts.add(e.json());
      seenContents.add(content);
    }
    assertTrue(restated > 1000 && nearDuplicated > 1000, restated + " restated, " + nearDuplicated + " near-duplicated");
  }

  @Test
  void workspacesInterleaveInPositionOrder() {
    for (int i = 1; i < ALL.size(); i++) {
      assertTrue(ALL.get(i - 1).positionTimeMs() <= ALL.get(i).positionTimeMs(), "position order at " + i);
    }
    Set<String> firstHundred = new HashSet<>();
    ALL.subList(0, 100).forEach(e -> firstHundred.add(e.workspaceId()));
    assertEquals(LoadFixture.SMALL + 1, firstHundred.size(), "every workspace starts at once");
    long last = ALL.get(ALL.size() - 1).positionTimeMs();
    assertTrue(last < CONFIG.startTimeMs() + CONFIG.durationMs() && last > CONFIG.startTimeMs() + CONFIG.durationMs() * 0.99);
  }
}
