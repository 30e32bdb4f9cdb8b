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

/** The Dittofeed peer cases from test resources (see resources/peer-cases/README.md). */
final class PeerCases {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RESOURCE = "/peer-cases/dittofeed-cases.json";

  private PeerCases() {
  }

  static JsonNode file() {
    try (InputStream in = PeerCases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> cases() {
    List<JsonNode> cases = new ArrayList<>();
    file().get("cases").forEach(cases::add);
    return cases;
  }

  /** Arguments (name, case) for a parameterized test. */
  static Stream<Arguments> arguments() {
    return cases().stream().map(c -> Arguments.of(c.get("name").asText(), c));
  }
}
