package dev.granular.bench;

/**
 * One measured figure of the report. {@code value} is null when the run could not measure it (the note says
 * why); the verdict compares it with the target, when the issue sets one.
 *
 * @param target the target as the issue states it, e.g. "≤ 512 MB"; null when the issue sets none
 */
public record Figure(String scenario, String name, Double value, String unit, String target, Verdict verdict, String note) {

  public enum Verdict {
    MET, MISSED, NO_TARGET, NOT_MEASURED
  }

  public Figure {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(scenario + " " + name + ": value must be finite, got " + value);
    }
    note = note == null ? "" : note;
    if (value == null && verdict != Verdict.NOT_MEASURED) {
      verdict = Verdict.NOT_MEASURED;
    }
  }

  public static Figure of(String scenario, String name, double value, String unit) {
    return new Figure(scenario, name, value, unit, null, Verdict.NO_TARGET, "");
  }

  public static Figure notMeasured(String scenario, String name, String unit, String why) {
    return new Figure(scenario, name, null, unit, null, Verdict.NOT_MEASURED, why);
  }

  /** The same figure judged against a target; {@code met} is decided by the caller, who knows the direction. */
  public Figure against(String targetText, boolean met) {
    return new Figure(scenario, name, value, unit, targetText, value == null ? Verdict.NOT_MEASURED
        : met ? Verdict.MET : Verdict.MISSED, note);
  }

  public Figure withNote(String text) {
    return new Figure(scenario, name, value, unit, target, verdict, note.isEmpty() ? text : note + "; " + text);
  }
}
