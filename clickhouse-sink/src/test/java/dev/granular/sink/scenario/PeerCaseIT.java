package dev.granular.sink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.oracle.PeerCaseAssertions;
import dev.granular.sink.oracle.PeerCases;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Dittofeed peer case (and Granular's operator cases) through the scenario runner on the real ClickHouse: the incremental SQL path
 * must meet the same assertions the oracle meets (PeerCaseTest). One database, a workspace per case.
 */
class PeerCaseIT {
  private static final AtomicInteger CASES = new AtomicInteger();
  private static ScratchDatabase database;
  private static ScenarioRunner runner;

  @BeforeAll
  static void open() {
    database = TestServer.scratch("granular_peer_it");
    runner = new ScenarioRunner(database.clickHouse(), Evaluation.RETRY);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  static Stream<Arguments> cases() {
    return PeerCases.arguments();
  }

  static Stream<Arguments> operatorCases() {
    return PeerCases.operatorArguments();
  }

  /** Operators and user-property types the peer cases miss (resources/scenarios/operator-cases.json). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operatorCases")
  void meetsOperatorCaseAssertions(String name, JsonNode operatorCase) {
    meetsEveryAssertion(name, operatorCase);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meetsEveryAssertion(String name, JsonNode peerCase) {
    List<ComputeStepResult> results = runner.run(ScenarioParser.parse(scenario(peerCase), null), r -> { });
    int computes = 0;
    int asserts = 0;
    int index = 0;
    for (JsonNode step : peerCase.get("steps")) {
      String where = "step " + index++ + (step.has("description") ? " (" + step.get("description").asText() + ")" : "");
      if (step.get("type").asText().equals("compute")) {
        computes++;
      } else if (step.get("type").asText().equals("assert")) {
        asserts++;
        ComputeStepResult latest = computes == 0 ? null : results.get(computes - 1);
        PeerCaseAssertions.check(step, latest == null ? null : new PeerCaseAssertions.Observed(latest.segments(),
            latest.userProperties(), latest.knownUsers()), where);
      }
    }
    assertEquals(computes, results.size(), "one result per compute step");
    assertTrue(asserts > 0, "a peer case without assertions checks nothing");
  }

  /** The case as an evaluate scenario under its own workspace id, without its assert steps. */
  static ObjectNode scenario(JsonNode peerCase) {
    ObjectNode scenario = PeerCases.MAPPER.createObjectNode();
    scenario.put("workspaceId", "peer-" + CASES.incrementAndGet());
    scenario.put("start", PeerCases.file().get("t0").asText());
    scenario.set("segments", peerCase.get("segments"));
    scenario.set("userProperties", peerCase.get("userProperties"));
    ArrayNode steps = scenario.putArray("steps");
    peerCase.get("steps").forEach(step -> {
      if (!step.get("type").asText().equals("assert")) {
        steps.add(step);
      }
    });
    return scenario;
  }
}
