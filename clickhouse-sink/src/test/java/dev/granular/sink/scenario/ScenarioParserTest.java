package dev.granular.sink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.sink.definitions.Defs;
import dev.granular.sink.events.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioParserTest {
  private static final String SEGMENT = "{'id':'s','name':'S','definition':{'entryNode':{'type':'Everyone','id':'1'},'nodes':[]}}";

  @Test
  void readsEveryStepTypeAndIgnoresUnknownFields() {
    Scenario scenario = ScenarioParser.parse(Defs.json("{'workspaceId':'w','start':'2025-01-01T00:00:00Z','extra':1,"
        + "'segments':[" + SEGMENT + "],'userProperties':[{'id':'p','definition':{'type':'Id'}}],'steps':["
        + "{'type':'events','note':'x','events':[{'type':'TRACK','messageId':'m','userId':'u','event':'e','context':{},"
        + "'properties':{'a':1}},{'type':'identify','messageId':'n','anonymousId':'a','timestamp':'2024-12-31T00:00:00Z',"
        + "'userId':null,'traits':null}]},"
        + "{'type':'sleep','ms':1500},{'type':'compute'},{'type':'updateDefinitions','userProperties':"
        + "[{'id':'p','definition':{'type':'AnonymousId'}}]}]}"));
    assertEquals("w", scenario.workspaceId());
    assertEquals(1_735_689_600_000L, scenario.startMs());
    assertEquals(2, scenario.definitions().size());
    assertEquals("p", scenario.definitions().get(1).name(), "the name defaults to the id");
    ScenarioStep.Events events = assertInstanceOf(ScenarioStep.Events.class, scenario.steps().get(0));
    StoredEvent track = events.events().get(0).receivedAt(5_000);
    assertEquals("track", track.type());
    assertEquals(5_000, track.eventTimeMs(), "no timestamp: the event time is the receipt time");
    assertEquals("{\"a\":1}", track.propertiesJson());
    StoredEvent identify = events.events().get(1).receivedAt(5_000);
    assertNull(identify.userId(), "JSON null is absent");
    assertEquals("{}", identify.traitsJson());
    assertEquals(1_735_603_200_000L, identify.eventTimeMs());
    assertEquals(1_500, assertInstanceOf(ScenarioStep.Sleep.class, scenario.steps().get(1)).ms());
    assertInstanceOf(ScenarioStep.Compute.class, scenario.steps().get(2));
    assertEquals(3, assertInstanceOf(ScenarioStep.UpdateDefinitions.class, scenario.steps().get(3)).index());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'start':'2025-01-01T00:00:00Z','steps':[]}| scenario, field workspaceId: is required",
      "{'workspaceId':'w','start':'yesterday','steps':[]}| scenario, field start: must be an ISO-8601",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z'}| scenario, field steps: is required",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'compute'},{'type':'wait'}]}| step 1, field type: unknown step type 'wait'",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'sleep','ms':-1}]}| step 0 (sleep), field ms: must be a whole number >= 0",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'sleep'}]}| step 0 (sleep), field ms: is required",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'events','events':[{'type':'track','messageId':'m','userId':'u','event':'e'},{'type':'track','messageId':'m','userId':'u','event':'e','timestamp':'soon'}]}]}| step 0 (events), field events[1].timestamp: must be an ISO-8601",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'events','events':[{'type':'track','messageId':'m','event':'e'}]}]}| step 0 (events), field events[0].userId: userId or anonymousId is required",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'events','events':[{'type':'track','messageId':'m','userId':'u'}]}]}| step 0 (events), field events[0].event: a track event needs an event name",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'events','events':[{'type':'alias','messageId':'m','userId':'u'}]}]}| step 0 (events), field events[0].type: must be track, identify, page or screen",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'events','events':[{'workspaceId':'v','type':'page','messageId':'m','userId':'u'}]}]}| step 0 (events), field events[0].workspaceId: must be the scenario's workspace",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'events','events':[{'type':'page','messageId':'m','userId':'u','properties':[1]}]}]}| step 0 (events), field events[0].properties: must be an object",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','segments':[{'id':'s','definition':{'entryNode':{'type':'Nope','id':'1'}}}],'steps':[]}| scenario, field segments[0].definition: UNKNOWN_NODE_TYPE",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'compute'},{'type':'updateDefinitions','userProperties':[{'id':'p','definition':{'type':'Trait'}}]}]}| step 1 (updateDefinitions), field userProperties[0].definition: MALFORMED",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','segments':[{'id':'s','definition':{}}],'steps':[]}| scenario, field segments[0].definition: MALFORMED",
      "{'workspaceId':'w','start':'2025-01-01T00:00:00Z','segments':[" + "{'id':'s','definition':{'entryNode':{'type':'Everyone','id':'1'}}},{'id':'s','definition':{'entryNode':{'type':'Everyone','id':'1'}}}],'steps':[]}| scenario, field segments[1].id: 's' is defined twice",
  })
  void namesTheStepAndFieldOfEveryError(String scenario, String expectedStart) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(Defs.json(scenario)));
    assertTrue(e.getMessage().startsWith(expectedStart.strip()), e.getMessage());
  }

  @Test
  void badJsonNamesTheLine() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("{\n\"workspaceId\": }"));
    assertTrue(e.getMessage().startsWith("scenario is not valid JSON") && e.getMessage().contains("line 2"), e.getMessage());
  }
}
