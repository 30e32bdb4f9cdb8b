package dev.granular.bench;

import static dev.granular.bench.ScenarioVerdictTest.named;
import static dev.granular.bench.VerdictTest.assertNotMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** P1's verdicts when lags are censored (a lower bound) or nothing was sent at all. */
class FairnessVerdictTest {
  private static final String WHALE = "(b) whale, split whale freshness lag (median of windows)";

  static Freshness.Stats stats(long p50, long p99, int count, int censored) {
    return new Freshness.Stats(count, p50, p99, p99, censored);
  }

  static FairnessResult result(FairnessConfig c, String guarantee, Freshness.Stats small, List<List<Freshness.Lag>> byWindow,
      Freshness.Stats whale, OptionalLong maxWork) {
    return new FairnessResult(c, guarantee, 1_000, small, byWindow, whale, 0, 0, 0, maxWork, 1, 0, OptionalLong.empty(),
        Optional.empty(), Map.of(), Map.of(), Map.of(), 0, 0, 0, List.of());
  }

  static List<Figure> figures(Freshness.Stats small, Freshness.Stats whale, OptionalLong maxWork) {
    Map<FairnessConfig, FairnessResult> results = new LinkedHashMap<>();
    results.put(FairnessConfig.NO_WHALE, result(FairnessConfig.NO_WHALE, "exactly_once_v2", stats(100, 200, 50, 0), List.of(), null,
        OptionalLong.of(10)));
    results.put(FairnessConfig.SPLIT, result(FairnessConfig.SPLIT, "exactly_once_v2", small, List.of(), whale, maxWork));
    return FairnessFigures.of(results);
  }

  @Test
  void aWhaleThatNeverBecameFreshGetsNoLagNumber() {
    Figure whale = named(figures(stats(100, 200, 50, 0), stats(120_000, 120_000, 6, 6), OptionalLong.of(10)), WHALE);
    assertNotMeasured(whale);
    assertFalse(whale.note().contains("120"), "not even in the note: " + whale.note());
  }

  @Test
  void aCensoredLagIsJudgedOnlyWhereALowerBoundDecides() {
    // Median 400 against 5 x 100: a lower bound within the target decides nothing.
    assertEquals(Figure.Verdict.NOT_MEASURED, named(figures(stats(100, 200, 50, 0), stats(400, 900, 6, 1), OptionalLong.of(10)), WHALE).verdict());
    // A lower bound already past the (exact) target: missed for sure.
    assertEquals(Figure.Verdict.MISSED, named(figures(stats(100, 200, 50, 0), stats(600, 900, 6, 1), OptionalLong.of(10)), WHALE).verdict());
    // An exact lag within a bound that is itself a lower bound: met for sure; past it: undecided.
    assertEquals(Figure.Verdict.MET, named(figures(stats(100, 200, 50, 3), stats(400, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
    assertEquals(Figure.Verdict.NOT_MEASURED, named(figures(stats(100, 200, 50, 3), stats(600, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
    assertEquals(Figure.Verdict.MET, named(figures(stats(100, 200, 50, 0), stats(500, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
  }

  @Test
  void noTaskSentMeansNoLargestTaskNotAZeroWithinT() {
    assertNotMeasured(named(figures(stats(100, 200, 50, 0), stats(500, 900, 6, 0), OptionalLong.empty()), "(b) whale, split largest single-task work"));
    assertEquals(Figure.Verdict.MET, named(figures(stats(100, 200, 50, 0), stats(500, 900, 6, 0), OptionalLong.of(1_000)),
        "(b) whale, split largest single-task work").verdict());
  }

  @Test
  void theLongerRunIsComparedOverAsManyWindowsAsTheShorterOne() {
    List<List<Freshness.Lag>> eosWindows = List.of(List.of(lag(100), lag(300)), List.of(lag(9_000), lag(9_000)));
    FairnessResult eos = result(FairnessConfig.NO_WHALE, "exactly_once_v2", stats(0, 0, 4, 0), eosWindows, null, OptionalLong.of(1));
    FairnessResult alos = result(FairnessConfig.NO_WHALE, "at_least_once", stats(0, 0, 2, 0), List.of(List.of(lag(50), lag(200))),
        null, OptionalLong.of(1));
    List<Figure> figures = GuaranteeFigures.freshness(alos, eos, 1);
    assertEquals(100.0, named(figures, "(a) no whale small workspaces, p50 freshness lag, exactly_once_v2").value());
    assertEquals(50.0, named(figures, "(a) no whale small workspaces, p50 freshness lag, at_least_once").value());
    assertEquals(2.0, named(figures, "(a) no whale small workspaces, p50 freshness lag, exactly-once / at-least-once").value());
    assertEquals(1.5, named(figures, "(a) no whale small workspaces, p99 freshness lag, exactly-once / at-least-once").value());
  }

  private static Freshness.Lag lag(long ms) {
    return new Freshness.Lag("w", 0, ms, false);
  }
}
