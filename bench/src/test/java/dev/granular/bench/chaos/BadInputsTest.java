package dev.granular.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.app.ingest.EventParser;
import dev.granular.app.ingest.ParseResult;
import dev.granular.sink.definitions.DefinitionException;
import dev.granular.sink.definitions.DefinitionParser;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue against the validators alone, without services: each class gets the reason it claims. */
class BadInputsTest {
  private static final List<BadInputClass> CLASSES = BadInputs.classes("unit");
  /** The app's defaults: INGEST_MAX_PAYLOAD_BYTES and INGEST_MAX_FIELD_LENGTH. */
  private final EventParser events = new EventParser(262_144, BadEvents.MAX_FIELD_LENGTH);

  @Test
  void atLeastTwentyClassesWithUniqueNamesAndKeys() {
    assertTrue(CLASSES.stream().filter(c -> c.expected().deadLettered()).count() >= 20, "dead-letter classes");
    assertEquals(CLASSES.size(), CLASSES.stream().map(BadInputClass::name).distinct().count());
    Set<String> keys = new HashSet<>();
    for (BadRecord r : BadInputs.records("unit")) {
      assertTrue(keys.add(r.target() + new String(r.key(), java.nio.charset.StandardCharsets.ISO_8859_1)), "duplicate key in " + r.className());
    }
  }

  @Test
  void theSameRunIdGivesTheSameRecords() {
    List<BadRecord> again = BadInputs.records("unit");
    List<BadRecord> first = CLASSES.stream().flatMap(c -> c.records().stream()).toList();
    assertEquals(first.size(), again.size());
    for (int i = 0; i < first.size(); i++) {
      assertTrue(java.util.Arrays.equals(first.get(i).key(), again.get(i).key())
          && java.util.Arrays.equals(first.get(i).value(), again.get(i).value()), first.get(i).className());
    }
  }

  @Test
  void eventClassesGetTheirReasonFromTheParser() {
    for (BadInputClass c : CLASSES) {
      for (BadRecord r : c.records()) {
        if (r.target() != BadRecord.Target.USER_EVENTS) {
          continue;
        }
        ParseResult result = events.parse(r.value(), 1_000L);
        if (c.expected().deadLettered()) {
          assertEquals(c.expected().reason(), assertInstanceOf(ParseResult.Rejected.class, result, c.name()).reason().code(), c.name());
        } else {
          assertInstanceOf(ParseResult.Valid.class, result, c.name() + ": " + result);
        }
      }
    }
  }

  private static boolean keyCheck(Expected expected) {
    return expected.deadLettered() && Set.of("bad_key", "key_mismatch").contains(expected.reason());
  }

  @Test
  void definitionClassesGetTheirReasonFromTheParser() {
    for (BadInputClass c : CLASSES) {
      for (BadRecord r : c.records()) {
        if (r.target() != BadRecord.Target.DEFINITIONS || keyCheck(c.expected())) {
          continue; // the key checks are the processor's, exercised by BadInputsIT
        }
        if (c.expected().deadLettered()) {
          DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.parse(r.value()), c.name());
          assertEquals(c.expected().reason(), e.reason().name().toLowerCase(Locale.ROOT), c.name() + ": " + e.getMessage());
        } else {
          DefinitionParser.parse(r.value());
        }
      }
    }
  }
}
