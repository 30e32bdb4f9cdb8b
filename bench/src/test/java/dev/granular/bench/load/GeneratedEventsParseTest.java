package dev.granular.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.granular.app.ingest.EventParser;
import dev.granular.app.ingest.ParseResult;
import dev.granular.app.ingest.RejectReason;
import dev.granular.avro.EventType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedEventsParseTest {
  private static final LoadConfig CONFIG = LoadFixture.CONFIG;
  private final EventParser parser = new EventParser(CONFIG.maxPayloadBytes(), CONFIG.maxFieldLength());

  private ParseResult parse(GeneratedEvent e) {
    return parser.parse(e.bytes(), -1L); // -1 is out of range, so a fallback time would be caught
  }

  @Test
  void everyValidRecordPassesTheValidatorAsItsWorkspacesEvent() {
    Map<EventType, Integer> types = new EnumMap<>(EventType.class);
    for (GeneratedEvent e : LoadFixture.EVENTS_LIST) {
      if (e.valid()) {
        ParseResult result = parse(e);
        var event = assertInstanceOf(ParseResult.Valid.class, result, () -> e.json() + " -> " + result).event();
        assertEquals(e.workspaceId(), event.getWorkspaceId());
        assertNull(e.rejectReason());
        types.merge(event.getType(), 1, Integer::sum);
      }
    }
    assertEquals(EnumSet.allOf(EventType.class), types.keySet(), "track, identify, page and screen all occur");
    assertEquals(0.60, types.get(EventType.track) / (double) types.values().stream().mapToInt(i -> i).sum(), 0.02);
  }

  @Test
  void everyInvalidRecordIsRejectedForItsStatedReason() {
    Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
    for (GeneratedEvent e : LoadFixture.EVENTS_LIST) {
      if (!e.valid()) {
        assertNotNull(e.rejectReason());
        ParseResult.Rejected rejected = assertInstanceOf(ParseResult.Rejected.class, parse(e), e.json());
        assertEquals(e.rejectReason(), rejected.reason(), e.json());
        reasons.add(e.rejectReason());
      }
    }
    // Every kind SampleEvents builds, except the empty payload (no line in a file) and Avro (JSON-only load); the
    // byte-level and parser-limit reasons are the bad-input catalogue's (bench.chaos), not the load's.
    assertEquals(EnumSet.complementOf(EnumSet.of(RejectReason.EMPTY_PAYLOAD, RejectReason.UNDECODABLE_AVRO,
        RejectReason.INVALID_UTF8, RejectReason.NUL_BYTE, RejectReason.LONE_SURROGATE, RejectReason.TOO_DEEP,
        RejectReason.TOKEN_TOO_LONG, RejectReason.TRAILING_DATA)), reasons);
  }

  @Test
  void invalidRecordsRespectTighterValidatorLimits() {
    LoadConfig tight = LoadConfig.builder().smallWorkspaces(1).eventsPerWorkspace(3_000).invalidRate(0.05)
        .maxPayloadBytes(4_096).maxFieldLength(64).build();
    EventParser tightParser = new EventParser(4_096, 64);
    long checked = 0;
    for (GeneratedEvent e : LoadFixture.materialise(new LoadGenerator(tight).events())) {
      ParseResult result = tightParser.parse(e.bytes(), -1L);
      if (e.valid()) {
        assertInstanceOf(ParseResult.Valid.class, result, e.json());
      } else {
        assertEquals(e.rejectReason(), assertInstanceOf(ParseResult.Rejected.class, result).reason());
        checked++;
      }
    }
    assertEquals(150, checked, 40);
  }
}
