package dev.granular.sink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granular.sink.client.ClickHouse;
import dev.granular.sink.definitions.Defs;
import dev.granular.sink.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code evaluate} end to end: scratch database, output lines, the clock rules. */
class EvaluationIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREFIX = "granular_evaluate_it";

  @Test
  void printsOneLinePerComputeAndDropsItsDatabase() throws Exception {
    String scenario = Defs.json("{'workspaceId':'w','start':'2025-01-01T00:00:00Z',"
        + "'segments':[{'id':'buyers','definition':{'entryNode':{'type':'Performed','id':'1','event':'buy',"
        + "'withinSeconds':60}}}],'userProperties':[{'id':'plan','definition':{'type':'Trait','path':'plan'}}],"
        + "'steps':[{'type':'events','events':[{'type':'track','messageId':'m1','userId':'u1','event':'buy'},"
        + "{'type':'identify','messageId':'m2','userId':'u2','traits':{'plan':'pro'}}]},"
        + "{'type':'sleep','ms':1000},{'type':'compute'},{'type':'sleep','ms':60000},{'type':'compute'}]}");
    List<String> lines = new ArrayList<>();
    List<ComputeStepResult> results = Evaluation.run(TestServer.settings(), PREFIX, scenario, lines::add);

    assertEquals(2, lines.size());
    JsonNode first = MAPPER.readTree(lines.get(0));
    assertEquals(2, first.get("step").asInt(), "the index of the compute step in steps");
    assertEquals("2025-01-01T00:00:01Z", first.get("now").asText());
    assertEquals(MAPPER.readTree("{\"buyers\":{\"u1\":true,\"u2\":false}}"), first.get("segments"));
    assertEquals(MAPPER.readTree("{\"plan\":{\"u2\":\"pro\"}}"), first.get("userProperties"));
    JsonNode second = MAPPER.readTree(lines.get(1));
    assertEquals("2025-01-01T00:01:01Z", second.get("now").asText());
    assertEquals(MAPPER.readTree("{\"buyers\":{\"u1\":false,\"u2\":false}}"), second.get("segments"),
        "the purchase left the 60 s window with no new event");
    assertTrue(results.get(1).changes().stream().anyMatch(c -> c.userId().equals("u1") && c.left()));
    assertEquals(0, scratchDatabases(), "the scratch database is dropped");
  }

  @Test
  void eventsAfterAComputeAtTheSameClockAreReceivedOneMillisecondLater() {
    String scenario = Defs.json("{'workspaceId':'w','start':'2025-01-01T00:00:00Z',"
        + "'segments':[{'id':'twice','definition':{'entryNode':{'type':'Performed','id':'1','event':'buy','times':2,"
        + "'timesOperator':'>='}}}],'steps':[{'type':'events','events':[{'type':'track','messageId':'m1','userId':'u','event':'buy'}]},"
        + "{'type':'compute'},{'type':'compute'},"
        + "{'type':'events','events':[{'type':'track','messageId':'m2','userId':'u','event':'buy'}]},{'type':'compute'}]}");
    List<ComputeStepResult> results = Evaluation.run(TestServer.settings(), PREFIX, scenario, line -> { });
    assertEquals(List.of(1_735_689_600_000L, 1_735_689_600_000L, 1_735_689_600_001L),
        results.stream().map(ComputeStepResult::nowMs).toList());
    assertEquals(List.of(), results.get(1).changes(), "a second compute with nothing new changes nothing");
    assertTrue(results.get(2).segments().get("twice").get("u"), "the event after the compute is not lost");
  }

  @Test
  void aBadScenarioFailsBeforeAnyDatabaseIsCreated() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> Evaluation.run(TestServer.settings(), PREFIX,
        Defs.json("{'workspaceId':'w','start':'2025-01-01T00:00:00Z','steps':[{'type':'sleep','ms':'soon'}]}"), line -> { }));
    assertTrue(e.getMessage().startsWith("step 0 (sleep), field ms"), e.getMessage());
    assertEquals(0, scratchDatabases());
  }

  private static long scratchDatabases() {
    try (ClickHouse clickHouse = new ClickHouse(TestServer.settings())) {
      return clickHouse.scalarLong("SELECT count() FROM system.databases WHERE startsWith(name, " + Sql.string(PREFIX) + ")");
    }
  }
}
