package dev.granular.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything BENCHMARKS.md and benchmarks.json say: the figures of one run, and what is needed to judge and
 * repeat them (machine, configuration, date, exact command).
 *
 * @param machine       cores, memory, CPU, OS, Java and server versions, in display order
 * @param configuration the scenario sizes and app settings the figures were measured with, in display order
 * @param notes         plain statements about the run: noise, what could not be measured and why
 */
public record BenchReport(String date, String command, String size, double wallSeconds, Map<String, String> machine,
    Map<String, String> configuration, List<Figure> figures, List<String> notes) {

  public BenchReport {
    machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine));
    configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
  }

  public List<Figure> missed() {
    return figures.stream().filter(f -> f.verdict() == Figure.Verdict.MISSED).toList();
  }

  public List<Figure> notMeasured() {
    return figures.stream().filter(f -> f.verdict() == Figure.Verdict.NOT_MEASURED).toList();
  }
}
