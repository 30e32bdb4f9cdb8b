package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Cases in the peer-case format (resources/peer-cases/README.md): the Dittofeed peer cases, and Granular's
 * own operator cases for what those do not cover (resources/scenarios/operator-cases.json).
 */
public final class PeerCases {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RESOURCE = "/peer-cases/dittofeed-cases.json";
  private static final String OPERATORS = "/scenarios/operator-cases.json";

  private PeerCases() {
  }

  public static JsonNode file() {
    return load(RESOURCE);
  }

  public static List<JsonNode> cases() {
    return cases(RESOURCE);
  }

  /** Arguments (name, case) for a parameterized test. */
  public static Stream<Arguments> arguments() {
    return cases().stream().map(c -> Arguments.of(c.get("name").asText(), c));
  }

  public static Stream<Arguments> operatorArguments() {
    return cases(OPERATORS).stream().map(c -> Arguments.of(c.get("name").asText(), c));
  }

  private static List<JsonNode> cases(String resource) {
    List<JsonNode> cases = new ArrayList<>();
    load(resource).get("cases").forEach(cases::add);
    return cases;
  }

  private static JsonNode load(String resource) {
    try (InputStream in = PeerCases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
