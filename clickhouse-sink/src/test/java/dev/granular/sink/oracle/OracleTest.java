package dev.granular.sink.oracle;

import static dev.granular.sink.definitions.Defs.WS;
import static dev.granular.sink.definitions.Defs.entry;
import static dev.granular.sink.definitions.Defs.userProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.granular.sink.definitions.PropertyDefinition;
import dev.granular.sink.events.StoredEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Oracle semantics the peer cases do not pin down. */
class OracleTest {

  private static final PropertyDefinition EMAIL = userProperty("email", "{'type':'Trait','path':'email'}");

  @Test
  void aRepeatedMessageIdCountsOnceAndTheFirstReceivedCopyWins() {
    PropertyDefinition twice = entry("twice", "{'type':'Performed','id':'1','event':'buy','times':2,'timesOperator':'>='}");
    List<StoredEvent> events = List.of(track("m1", "buy", 10, 100), track("m1", "buy", 10, 200),
        identify("m2", "{\"email\":\"first@x\"}", 20, 100), identify("m2", "{\"email\":\"resent@x\"}", 20, 50));
    OracleResult result = Oracle.evaluate(List.of(twice, EMAIL), events, 1_000);
    assertFalse(result.segments().get("twice").get("u1"));
    assertEquals(TextNode.valueOf("resent@x"), result.userProperties().get("email").get("u1"),
        "the copy received first (processing time 50) is the event");
  }

  @Test
  void resultsDoNotDependOnEventOrder() {
    List<PropertyDefinition> defs = List.of(EMAIL,
        entry("recent", "{'type':'Performed','id':'1','event':'buy','times':2,'timesOperator':'>=','withinSeconds':60}"),
        entry("last", "{'type':'LastPerformed','id':'1','event':'buy','hasProperties':"
            + "[{'path':'sku','operator':{'type':'Equals','value':'a'}}]}"));
    List<StoredEvent> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(new StoredEvent(WS, "m" + i, i % 3 == 0 ? "identify" : "track", "u" + (i % 4), null,
          i % 3 == 0 ? null : "buy", "{\"sku\":\"" + (char) ('a' + i % 3) + "\"}", "{\"email\":\"e" + i + "\"}",
          (i * 7919L) % 50_000, 0));
    }
    OracleResult expected = Oracle.evaluate(defs, events, 60_000);
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      List<StoredEvent> shuffled = new ArrayList<>(events);
      shuffled.addAll(events.subList(0, random.nextInt(events.size())));
      Collections.shuffle(shuffled, random);
      assertEquals(expected, Oracle.evaluate(defs, shuffled, 60_000));
    }
  }

  @Test
  void seesOnlyEventsReceivedByNowAndOnlyItsWorkspace() {
    List<StoredEvent> events = List.of(identify("m1", "{\"email\":\"a@x\"}", 10, 500),
        identify("m2", "{\"email\":\"late@x\"}", 20, 2_000),
        new StoredEvent("other-ws", "m3", "identify", "u2", null, null, "{}", "{\"email\":\"b@x\"}", 10, 0));
    OracleResult result = Oracle.evaluate(List.of(EMAIL), events, 1_000);
    assertEquals(Map.of("u1", TextNode.valueOf("a@x")), result.userProperties().get("email"));
    assertEquals(Set.of("u1"), result.knownUsers().get(WS));
  }

  @Test
  void countPredicatesThatAcceptZeroRangeOverAllKnownUsers() {
    PropertyDefinition atLeastZero = entry("any", "{'type':'Performed','id':'1','event':'buy','times':0,'timesOperator':'>='}");
    PropertyDefinition lessThanTwo = entry("few", "{'type':'Performed','id':'1','event':'buy','times':2,'timesOperator':'<'}");
    OracleResult result = Oracle.evaluate(List.of(atLeastZero, lessThanTwo),
        List.of(identify("m1", "{}", 0, 0)), 1_000);
    assertTrue(result.segments().get("any").get("u1"));
    assertTrue(result.segments().get("few").get("u1"));
  }

  @Test
  void lastPerformedWithoutHasPropertiesNeedsOnlyAQualifyingEvent() {
    PropertyDefinition last = entry("last", "{'type':'LastPerformed','id':'1','event':'buy'}");
    OracleResult result = Oracle.evaluate(List.of(last), List.of(track("m1", "buy", 0, 0),
        new StoredEvent(WS, "m2", "track", "u2", null, "view", "{}", "{}", 0, 0)), 1_000);
    assertEquals(Map.of("u1", true, "u2", false), result.segments().get("last"));
  }

  @Test
  void aNullTraitClearsAPlainTraitButNotAnAnyOfChild() {
    PropertyDefinition anyOf = userProperty("anyOf", "{'type':'Group','entry':'1','nodes':["
        + "{'type':'AnyOf','id':'1','children':['2']},{'type':'Trait','id':'2','path':'email'}]}");
    List<StoredEvent> events = List.of(identify("m1", "{\"email\":\"a@x\"}", 10, 0),
        identify("m2", "{\"email\":null}", 20, 0));
    OracleResult result = Oracle.evaluate(List.of(EMAIL, anyOf), events, 1_000);
    assertNull(result.userProperties().get("email").get("u1"));
    assertEquals(TextNode.valueOf("a@x"), result.userProperties().get("anyOf").get("u1"));
  }

  @Test
  void anonymousIdIsTheLatestOneSeen() {
    PropertyDefinition anonymousId = userProperty("anon", "{'type':'AnonymousId'}");
    List<StoredEvent> events = List.of(new StoredEvent(WS, "m1", "track", "u1", "a-new", "x", "{}", "{}", 20, 0),
        new StoredEvent(WS, "m2", "track", "u1", "a-old", "x", "{}", "{}", 10, 0),
        new StoredEvent(WS, "m3", "track", "u1", null, "x", "{}", "{}", 30, 0));
    assertEquals(TextNode.valueOf("a-new"), Oracle.evaluate(List.of(anonymousId), events, 1_000)
        .userProperties().get("anon").get("u1"));
  }

  @Test
  void rejectsTwoDefinitionsWithOneId() {
    assertThrows(IllegalArgumentException.class, () -> Oracle.evaluate(List.of(EMAIL, EMAIL), List.of(), 0));
  }

  private static StoredEvent track(String messageId, String name, long eventTime, long received) {
    return new StoredEvent(WS, messageId, "track", "u1", null, name, "{}", "{}", eventTime, received);
  }

  private static StoredEvent identify(String messageId, String traits, long eventTime, long received) {
    return new StoredEvent(WS, messageId, "identify", "u1", null, null, "{}", traits, eventTime, received);
  }
}
