package dev.granular.sink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.compute.AssignmentChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assignments after one {@code compute} step, read back from ClickHouse.
 *
 * @param step           the compute step's index in {@code steps}
 * @param segments       segment → every known user → member
 * @param userProperties user property → user → value, only users that have one
 * @param knownUsers     users with any event received by now
 * @param changes        what the compute changed (not printed; for tests and tools)
 */
public record ComputeStepResult(int step, long nowMs, Map<String, Map<String, Boolean>> segments,
    Map<String, Map<String, JsonNode>> userProperties, Set<String> knownUsers, List<AssignmentChange> changes) {

  /** The output line: {"step","now","segments":{seg:{user:bool}},"userProperties":{prop:{user:value}}}. */
  public String toJsonLine() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode line = json.objectNode();
    line.put("step", step);
    line.put("now", Instant.ofEpochMilli(nowMs).toString());
    ObjectNode segmentsJson = line.putObject("segments");
    segments.forEach((segment, users) -> {
      ObjectNode members = segmentsJson.putObject(segment);
      users.forEach(members::put);
    });
    ObjectNode propertiesJson = line.putObject("userProperties");
    userProperties.forEach((property, values) -> {
      ObjectNode byUser = propertiesJson.putObject(property);
      values.forEach(byUser::set);
    });
    return line.toString();
  }
}
