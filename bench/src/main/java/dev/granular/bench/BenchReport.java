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
 * @param capacity      P6's steps in the order run, for its table and chart; empty when P6 did not run
 */
public record BenchReport(String date, String command, String size, double wallSeconds, Map<String, String> machine,
    Map<String, String> configuration, List<Figure> figures, List<String> notes, List<CapacityStep> capacity) {

  /** A report without P6 steps. */
  public BenchReport(String date, String command, String size, double wallSeconds, Map<String, String> machine,
      Map<String, String> configuration, List<Figure> figures, List<String> notes) {
    this(date, command, size, wallSeconds, machine, configuration, figures, notes, List.of());
  }

  public BenchReport {
    machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine));
    configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
    capacity = List.copyOf(capacity);
  }

  public List<Figure> missed() {
    return figures.stream().filter(f -> f.verdict() == Figure.Verdict.MISSED).toList();
  }

  public List<Figure> notMeasured() {
    return figures.stream().filter(f -> f.verdict() == Figure.Verdict.NOT_MEASURED).toList();
  }
}
