package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final Figure MET = Figure.of("P4", "ticks per second", 1_234_567, "ticks/s").against("≥ 100,000 ticks/s", true);
  private static final Figure MISSED = Figure.of("P2", "Granular / Kafka engine", 0.57684, "x").against("≥ 1.0x", false)
      .withNote("flat columns only");
  private static final Figure ABSENT = Figure.notMeasured("P2", "Kafka engine", "events/s", "no Kafka table engine");

  @TempDir
  Path dir;

  private static BenchReport report(List<Figure> figures) {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("cores", "2");
    machine.put("memory", "23.5 GiB");
    return new BenchReport("2026-01-02T03:04:05Z", "make bench (runs: java -jar granular.jar bench --size default)",
        "default", 612.4, machine, Map.of("P2 events", "500,000"), figures, List.of("P1 took 300 s; load | high"));
  }

  @Test
  void theMarkdownSaysPlainlyWhichTargetsWereMissedAndNextToTheFigure() {
    String md = ReportWriter.markdown(report(List.of(MET, MISSED, ABSENT)));
    assertTrue(md.contains("**Targets missed:**\n\n- P2 Granular / Kafka engine: 0.5768 x against ≥ 1.0x"), md);
    assertTrue(md.contains("| P2 | Granular / Kafka engine | 0.5768 x | ≥ 1.0x | **MISSED** | flat columns only |"), md);
    assertTrue(md.contains("| P4 | ticks per second | 1,234,567 ticks/s | ≥ 100,000 ticks/s | met |  |"), md);
    assertTrue(md.contains("| P2 | Kafka engine | not measured |  | not measured | no Kafka table engine |"), md);
    assertTrue(md.contains("`make bench (runs: java -jar granular.jar bench --size default)`"), md);
    assertTrue(md.contains("2026-01-02T03:04:05Z") && md.contains("| cores | 2 |") && md.contains("wall time 612 s"), md);
    assertTrue(md.contains("- P1 took 300 s; load | high"), "notes are a list, not a table: no escaping needed there");
  }

  @Test
  void aPipeInATableCellIsEscaped() {
    String md = ReportWriter.figureTable(report(List.of(Figure.of("P1", "a | b", 1, "").withNote("x|y"))));
    assertTrue(md.contains("| P1 | a \\| b | 1 |  |  | x\\|y |"), md);
  }

  @Test
  void whenEveryMeasuredTargetIsMetTheReportSaysSo() {
    String md = ReportWriter.markdown(report(List.of(MET, ABSENT)));
    assertTrue(md.contains("every target that was measured was met"), md);
    assertFalse(md.contains("Targets missed"));
  }

  @Test
  void theJsonHoldsTheSameFiguresAsTheMarkdown() throws Exception {
    BenchReport report = report(List.of(MET, MISSED, ABSENT));
    ReportWriter.write(report, dir);
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve(ReportWriter.JSON_FILE)));
    assertEquals("2026-01-02T03:04:05Z", json.get("date").asText());
    assertEquals(report.command(), json.get("command").asText());
    assertEquals("2", json.get("machine").get("cores").asText());
    assertEquals(612.4, json.get("wallSeconds").asDouble());
    JsonNode figures = json.get("figures");
    assertEquals(3, figures.size());
    assertEquals(1_234_567, figures.get(0).get("value").asDouble());
    assertEquals("MET", figures.get(0).get("verdict").asText());
    assertEquals(0.57684, figures.get(1).get("value").asDouble());
    assertEquals("MISSED", figures.get(1).get("verdict").asText());
    assertTrue(figures.get(2).get("value").isNull());
    assertEquals("NOT_MEASURED", figures.get(2).get("verdict").asText());
    assertEquals("no Kafka table engine", figures.get(2).get("note").asText());
    assertTrue(figures.get(2).get("target").isNull());
    assertTrue(Files.readString(dir.resolve(ReportWriter.MARKDOWN_FILE)).contains("**MISSED**"));
  }

  @Test
  void aFullSizeRunWritesItsOwnFilesAndLeavesTheDefaultOnesAlone() throws Exception {
    BenchReport defaults = report(List.of(MET));
    ReportWriter.write(defaults, dir);
    BenchReport full = new BenchReport(defaults.date(), "make bench-full", "full", 1.0, defaults.machine(),
        defaults.configuration(), List.of(MISSED), List.of());
    assertEquals(List.of(dir.resolve("BENCHMARKS-full.md"), dir.resolve("benchmarks-full.json")), ReportWriter.write(full, dir));
    assertTrue(Files.readString(dir.resolve("BENCHMARKS-full.md")).contains("**MISSED**"));
    assertFalse(Files.readString(dir.resolve(ReportWriter.MARKDOWN_FILE)).contains("**MISSED**"), "the default report is untouched");
  }

  @Test
  void numbersAreReadable() {
    assertEquals("1,500", ReportWriter.number(1500));
    assertEquals("30,709", ReportWriter.number(30_708.7));
    assertEquals("26.43", ReportWriter.number(26.4321));
    assertEquals("0.5768", ReportWriter.number(0.57684));
  }

  @Test
  void aFigureWithoutAValueCannotClaimAVerdict() {
    Figure f = new Figure("P3", "rows", null, "rows", "≤ 5%", Figure.Verdict.MET, null);
    assertEquals(Figure.Verdict.NOT_MEASURED, f.verdict());
    assertEquals(Figure.Verdict.NOT_MEASURED, ABSENT.against("≥ 1", true).verdict());
  }
}
