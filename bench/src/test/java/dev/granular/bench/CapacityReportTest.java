package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityReportTest {
  @TempDir
  Path dir;

  private static BenchReport report(String size, List<CapacityStep> steps) {
    return new BenchReport("2026-01-02T03:04:05Z", "bench --only P6", size, 300, Map.of("cores", "2"), Map.of(),
        List.of(CapacityCurve.figure(steps, 5)), List.of(), steps);
  }

  @Test
  void theChartIsWrittenNextToTheReportNamedPerSizeAndEmbeddedWithTheStepTable() throws Exception {
    List<CapacityStep> steps = List.of(CapacityCurveTest.step(5_000, 2_000, 0.5), CapacityCurveTest.step(10_000, 12_000, 2),
        CapacityCurveTest.step(20_000, -1, 0));
    List<Path> files = ReportWriter.write(report("default", steps), dir);
    assertEquals(dir.resolve("bench-capacity.svg"), files.get(2));
    assertTrue(Files.readString(files.get(2)).startsWith("<svg"));
    String md = Files.readString(dir.resolve("BENCHMARKS.md"));
    assertTrue(md.contains("![P6 capacity curve](bench-capacity.svg)"), md);
    assertTrue(md.contains("| 10,000 | 10,000 | 6.0 s | 12.0 s | 100 | 2.0 s | 20.0 | 1.20 cores | 90 % | 300 MiB | missed |"), md);
    assertTrue(md.contains("| 20,000 | 20,000 | not measured | not measured | 0 |"), md);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("benchmarks.json").toFile());
    assertEquals(3, json.get("capacity").size());
    assertEquals(12_000, json.get("capacity").get(1).get("p99Ms").asLong());
    assertEquals(20.0, json.get("capacity").get(1).get("plansCompletedPerSecond").asDouble());
    assertFalse(json.get("capacity").get(2).has("p99Ms"), "an unmeasured step has no p99, not 0");
    assertEquals(dir.resolve("bench-full-capacity.svg"), ReportWriter.write(report("full", steps), dir).get(2));
  }

  @Test
  void withoutP6NoChartAndNoSection() throws Exception {
    List<Path> files = ReportWriter.write(report("default", List.of()), dir);
    assertEquals(2, files.size());
    assertFalse(Files.exists(dir.resolve("bench-capacity.svg")));
    assertFalse(Files.readString(files.get(0)).contains("P6 capacity curve"));
  }
}
