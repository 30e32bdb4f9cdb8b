package dev.granular.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link BenchReport} as BENCHMARKS.md and benchmarks.json: the same figures in both. */
public final class ReportWriter {
  public static final String MARKDOWN_FILE = "BENCHMARKS.md";
  public static final String JSON_FILE = "benchmarks.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /** BENCHMARKS.md for the default size, BENCHMARKS-full.md for the full one, so neither run overwrites the other. */
  public static String markdownFile(String size) {
    return "default".equals(size) ? MARKDOWN_FILE : "BENCHMARKS-" + size + ".md";
  }

  public static String jsonFile(String size) {
    return "default".equals(size) ? JSON_FILE : "benchmarks-" + size + ".json";
  }

  /** bench-capacity.svg for the default size, bench-full-capacity.svg for the full one: P6's chart, next to its report. */
  public static String chartFile(String size) {
    return "default".equals(size) ? "bench-capacity.svg" : "bench-" + size + "-capacity.svg";
  }

  /** @return the files written: the report, its JSON, and P6's chart when P6 ran */
  public static List<Path> write(BenchReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path md = directory.resolve(markdownFile(report.size()));
    Path json = directory.resolve(jsonFile(report.size()));
    Files.writeString(md, markdown(report), StandardCharsets.UTF_8);
    Files.writeString(json, json(report) + "\n", StandardCharsets.UTF_8);
    if (report.capacity().isEmpty()) {
      return List.of(md, json);
    }
    Path svg = directory.resolve(chartFile(report.size()));
    Files.writeString(svg, CapacityChart.svg(report.capacity(), "P6 capacity: small-workspace freshness by offered"
        + " rate (size " + report.size() + ")"), StandardCharsets.UTF_8);
    return List.of(md, json, svg);
  }

  public static String markdown(BenchReport r) {
    StringBuilder md = new StringBuilder("# Benchmarks\n\n");
    md.append("Measured on ").append(r.date()).append(" with `").append(r.command()).append("` (size **")
        .append(r.size()).append("**), wall time ").append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds()))
        .append(". Every figure below was measured in that run (P1, P2, P3, P5 and P6 on the real local Kafka and")
        .append(" ClickHouse; P4 in memory); nothing is estimated or copied. `").append(jsonFile(r.size()))
        .append("` holds the same figures. `make bench` (default size) writes BENCHMARKS.md; `make bench-full` (the")
        .append(" issue's full sizes) writes BENCHMARKS-full.md.\n\n");
    r.notes().stream().filter(n -> n.startsWith("PARTIAL")).findFirst()
        .ifPresent(n -> md.append("**").append(n).append("**\n\n"));
    if (r.missed().isEmpty()) {
      md.append("**Targets:** every target that was measured was met.\n\n");
    } else {
      md.append("**Targets missed:**\n\n");
      r.missed().forEach(f -> md.append("- ").append(f.scenario()).append(" ").append(f.name()).append(": ")
          .append(value(f)).append(" against ").append(f.target()).append("\n"));
      md.append("\n");
    }
    md.append(figureTable(r));
    if (!r.capacity().isEmpty()) {
      md.append("\n").append(CapacityTable.markdown(r.capacity(), chartFile(r.size())));
    }
    md.append("\n## Machine\n\n");
    pairs(md, r.machine());
    md.append("\n## Configuration\n\n");
    pairs(md, r.configuration());
    if (!r.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      r.notes().forEach(n -> md.append("- ").append(n.replace("\n", " ")).append("\n"));
    }
    return md.toString();
  }

  /** The figures alone, as printed at the end of a run. */
  public static String figureTable(BenchReport r) {
    StringBuilder md = new StringBuilder("| scenario | figure | value | target | verdict | note |\n");
    md.append("|---|---|---:|---|---|---|\n");
    for (Figure f : r.figures()) {
      md.append("| ").append(cell(f.scenario())).append(" | ").append(cell(f.name())).append(" | ")
          .append(cell(value(f))).append(" | ").append(cell(f.target() == null ? "" : f.target())).append(" | ")
          .append(verdict(f.verdict())).append(" | ").append(cell(f.note())).append(" |\n");
    }
    return md.toString();
  }

  public static String json(BenchReport r) {
    ObjectNode root = JSON.createObjectNode().put("date", r.date()).put("command", r.command()).put("size", r.size())
        .put("wallSeconds", Math.round(r.wallSeconds() * 10) / 10.0);
    r.machine().forEach(root.putObject("machine")::put);
    r.configuration().forEach(root.putObject("configuration")::put);
    ArrayNode figures = root.putArray("figures");
    for (Figure f : r.figures()) {
      ObjectNode o = figures.addObject().put("scenario", f.scenario()).put("name", f.name());
      if (f.value() == null) {
        o.putNull("value");
      } else {
        o.put("value", f.value());
      }
      if (f.state() != null) {
        o.put("state", f.state());
      }
      o.put("unit", f.unit()).put("target", f.target()).put("verdict", f.verdict().name()).put("note", f.note());
    }
    r.notes().forEach(root.putArray("notes")::add);
    if (!r.capacity().isEmpty()) {
      CapacityTable.json(r.capacity(), root.putArray("capacity"));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String value(Figure f) {
    if (f.state() != null) {
      return f.state();
    }
    return f.value() == null ? "not measured" : number(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit());
  }

  /** Whole numbers with separators, large ones rounded, small ones with enough decimals to be read. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%.2f" : "%.4f", v);
  }

  private static String verdict(Figure.Verdict v) {
    return switch (v) {
      case MET -> "met";
      case MISSED -> "**MISSED**";
      case NO_TARGET -> "";
      case NOT_MEASURED -> "not measured";
    };
  }

  private static void pairs(StringBuilder md, Map<String, String> values) {
    md.append("| | |\n|---|---|\n");
    values.forEach((k, v) -> md.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
