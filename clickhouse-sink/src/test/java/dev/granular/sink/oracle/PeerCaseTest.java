package dev.granular.sink.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every non-skipped Dittofeed peer case, and Granular's operator cases, replayed against the oracle. */
class PeerCaseTest {

  static Stream<Arguments> cases() {
    return PeerCases.arguments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replays(String name, JsonNode peerCase) {
    new PeerCaseReplay(peerCase).run();
  }

  static Stream<Arguments> operatorCases() {
    return PeerCases.operatorArguments();
  }

  /** Granular's own cases for operators the peer cases miss: their expectations hold on the oracle too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operatorCases")
  void replaysOperatorCases(String name, JsonNode operatorCase) {
    new PeerCaseReplay(operatorCase).run();
  }

  @Test
  void allSixtySixCasesAreReplayed() {
    assertEquals(66, PeerCases.cases().size());
  }
}
