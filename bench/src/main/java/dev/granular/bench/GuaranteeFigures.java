package dev.granular.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The cost of exactly-once, with no target (the issue sets none): P2's ingest rate and P1 (a)'s small-workspace
 * freshness under exactly_once_v2 and at_least_once side by side, and the ratio exactly-once / at-least-once.
 */
final class GuaranteeFigures {
  static final String NOTE = "cost of exactly-once";

  private GuaranteeFigures() {}

  /** @param r P2, whose main run is one side and whose second run on the same topic is the other */
  static List<Figure> ingest(IngestScenario.Result r) {
    String name = "Granular ingest events/s";
    if (r.otherGuarantee() == null) {
      return List.of(Figure.notMeasured("P2", name + ", exactly-once / at-least-once", "x", NOTE + ": " + r.otherProblem()));
    }
    boolean mainIsEos = Guarantees.EXACTLY_ONCE.equals(r.granular().guarantee());
    GranularIngest.Run eos = mainIsEos ? r.granular() : r.otherGuarantee();
    GranularIngest.Run alos = mainIsEos ? r.otherGuarantee() : r.granular();
    return sideBySide("P2", name, "events/s", eos.progress().eventsPerSecond(), alos.progress().eventsPerSecond(),
        String.format(Locale.ROOT, "the same %,d events on the same topic, read by two apps of their own one after the other,"
            + " each timed from its group becoming stable to the last event durable", r.distinctEvents()));
  }

  /** @param windows the measured windows of the shorter run; the longer one counts only its first as many */
  static List<Figure> freshness(FairnessResult main, FairnessResult other, int windows) {
    boolean mainIsEos = Guarantees.EXACTLY_ONCE.equals(main.guarantee());
    Freshness.Stats eos = (mainIsEos ? main : other).smallOverFirst(windows);
    Freshness.Stats alos = (mainIsEos ? other : main).smallOverFirst(windows);
    String how = String.format(Locale.ROOT, "the same load, %d measured window(s) after a warm-up on each side", windows)
        + (eos.exact() && alos.exact() ? "" : "; some ticks not covered before the window timeout: lower bounds");
    String c = main.config().title() + " small workspaces, ";
    List<Figure> p50 = sideBySide("P1", c + "p50 freshness lag", "ms", OptionalDouble.of(eos.p50()), OptionalDouble.of(alos.p50()), how);
    List<Figure> p99 = sideBySide("P1", c + "p99 freshness lag", "ms", OptionalDouble.of(eos.p99()), OptionalDouble.of(alos.p99()), how);
    return java.util.stream.Stream.concat(p50.stream(), p99.stream()).toList();
  }

  static List<Figure> sideBySide(String scenario, String what, String unit, OptionalDouble eos, OptionalDouble alos, String how) {
    return List.of(
        Figure.of(scenario, what + ", " + Guarantees.EXACTLY_ONCE, eos, unit, NOTE + ": no value").withNote(NOTE + "; " + how),
        Figure.of(scenario, what + ", " + Guarantees.AT_LEAST_ONCE, alos, unit, NOTE + ": no value").withNote(NOTE + "; " + how),
        Figure.of(scenario, what + ", exactly-once / at-least-once", Ratio.of(eos, alos), "x",
            NOTE + ": a side has no value or the at-least-once side is 0").withNote(NOTE));
  }
}
