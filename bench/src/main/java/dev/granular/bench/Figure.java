package dev.granular.bench;

import java.util.OptionalDouble;

/**
 * One measured figure of the report. {@code value} is null when the run could not measure it (the note says
 * why), or when what it measured is a state with no number ({@code state}, such as "never fresh"); the verdict
 * compares it with the target, when the issue sets one.
 *
 * @param target the target as the issue states it, e.g. "≤ 512 MB"; null when the issue sets none
 * @param state  what was observed instead of a number; null for a number or for "not measured"
 */
public record Figure(String scenario, String name, Double value, String unit, String target, Verdict verdict, String note,
    String state) {

  public enum Verdict {
    MET, MISSED, NO_TARGET, NOT_MEASURED
  }

  public Figure {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(scenario + " " + name + ": value must be finite, got " + value);
    }
    note = note == null ? "" : note;
    if (value != null && state != null) {
      throw new IllegalArgumentException(scenario + " " + name + ": a figure is a number or a state, not both");
    }
    if (value == null && state == null && verdict != Verdict.NOT_MEASURED) {
      verdict = Verdict.NOT_MEASURED;
    }
  }

  public Figure(String scenario, String name, Double value, String unit, String target, Verdict verdict, String note) {
    this(scenario, name, value, unit, target, verdict, note, null);
  }

  public static Figure of(String scenario, String name, double value, String unit) {
    return new Figure(scenario, name, value, unit, null, Verdict.NO_TARGET, "");
  }

  /**
   * An outcome with no number, such as a whale that "never became fresh": measured, so not "not measured", and
   * judged by the caller ({@link #missing}) when a target expected a number.
   */
  public static Figure state(String scenario, String name, String state, String unit, String why) {
    return new Figure(scenario, name, null, unit, null, Verdict.NO_TARGET, why, state);
  }

  /** A state where the target wanted a number within bounds: missed. */
  public Figure missing(String targetText) {
    if (state == null) {
      throw new IllegalStateException(name + ": only a state can miss for want of a number");
    }
    return new Figure(scenario, name, null, unit, targetText, Verdict.MISSED, note, state);
  }

  /** A value the run may lack (a zero denominator, an unreadable counter): empty reads "not measured", with {@code why}. */
  public static Figure of(String scenario, String name, OptionalDouble value, String unit, String why) {
    return value.isPresent() ? of(scenario, name, value.getAsDouble(), unit) : notMeasured(scenario, name, unit, why);
  }

  /** A count where a negative number is a "could not read it" marker, never a figure. */
  public static Figure count(String scenario, String name, long count, String unit, String why) {
    return count < 0 ? notMeasured(scenario, name, unit, why) : of(scenario, name, count, unit);
  }

  public static Figure notMeasured(String scenario, String name, String unit, String why) {
    return new Figure(scenario, name, null, unit, null, Verdict.NOT_MEASURED, why);
  }

  /** The same figure judged against a target; {@code met} is decided by the caller, who knows the direction. */
  public Figure against(String targetText, boolean met) {
    return new Figure(scenario, name, value, unit, targetText, value == null ? Verdict.NOT_MEASURED
        : met ? Verdict.MET : Verdict.MISSED, note, state);
  }

  public Figure atMost(String targetText, double bound) {
    return against(targetText, value != null && value <= bound);
  }

  public Figure atLeast(String targetText, double bound) {
    return against(targetText, value != null && value >= bound);
  }

  /** Against a target it cannot be judged on (e.g. the value is only a lower bound): shown, but neither met nor missed. */
  public Figure undecided(String targetText, String why) {
    return new Figure(scenario, name, value, unit, targetText, Verdict.NOT_MEASURED, note, state).withNote(why);
  }

  public Figure withNote(String text) {
    return new Figure(scenario, name, value, unit, target, verdict, note.isEmpty() ? text : note + "; " + text, state);
  }
}
