package dev.granular.bench;

import static dev.granular.bench.ScenarioVerdictTest.named;
import static dev.granular.bench.VerdictTest.assertNotMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    return result(c, guarantee, small, byWindow, whale, maxWork, Optional.empty(), 0, Optional.empty());
  }

  static FairnessResult result(FairnessConfig c, String guarantee, Freshness.Stats small, List<List<Freshness.Lag>> byWindow,
      Freshness.Stats whale, OptionalLong maxWork, Optional<FairnessAnalysis.Parked> parked, long timedOutAttempts,
      Optional<Retries> retries) {
    return result(c, guarantee, small, byWindow, whale, maxWork, parked, timedOutAttempts, retries, 0);
  }

  static FairnessResult result(FairnessConfig c, String guarantee, Freshness.Stats small, List<List<Freshness.Lag>> byWindow,
      Freshness.Stats whale, OptionalLong maxWork, Optional<FairnessAnalysis.Parked> parked, long timedOutAttempts,
      Optional<Retries> retries, long unreadable) {
    return new FairnessResult(c, guarantee, 1_000, small, byWindow, whale, timedOutAttempts + unreadable, timedOutAttempts, 0,
        unreadable, parked, 0,
        maxWork, 1, parked.isPresent() ? 1 : 0, OptionalLong.empty(), retries, Map.of(), Map.of(), Map.of(), 0, 0, 0, List.of());
  }

  static List<Figure> figures(Freshness.Stats small, Freshness.Stats whale, OptionalLong maxWork) {
    return figures(result(FairnessConfig.SPLIT, "exactly_once_v2", small, List.of(), whale, maxWork));
  }

  /** (a) with small p50 100 ms and p99 200 ms, then {@code b}. */
  static List<Figure> figures(FairnessResult b) {
    Map<FairnessConfig, FairnessResult> results = new LinkedHashMap<>();
    results.put(FairnessConfig.NO_WHALE, result(FairnessConfig.NO_WHALE, "exactly_once_v2", stats(100, 200, 50, 0), List.of(), null,
        OptionalLong.of(10)));
    results.put(b.config(), b);
    return FairnessFigures.of(results);
  }

  @Test
  void aWhaleThatNeverBecameFreshGetsNoLagNumberAndMissesTheTarget() {
    Figure whale = named(figures(stats(100, 200, 50, 0), stats(120_000, 120_000, 6, 6), OptionalLong.of(10)), WHALE);
    assertEquals("never fresh", whale.state());
    assertNull(whale.value());
    assertEquals(Figure.Verdict.MISSED, whale.verdict());
    assertFalse(whale.note().contains("120"), "not even in the note: " + whale.note());
    assertEquals("never fresh", ReportWriter.value(whale));
  }

  @Test
  void aParkedWhaleIsNeverFreshWithItsAttemptsEvenIfAnEarlyWindowWasCovered() {
    FairnessResult c = result(FairnessConfig.NO_SPLIT, "exactly_once_v2", stats(100, 200, 50, 0), List.of(),
        stats(900, 60_000, 6, 5), OptionalLong.of(10), Optional.of(new FairnessAnalysis.Parked(5, "Code: 241. Memory limit")), 0,
        Optional.empty());
    Figure whale = named(figures(c), "(c) whale, split disabled whale freshness lag (median of windows)");
    assertEquals("never fresh", whale.state());
    assertTrue(whale.note().startsWith("parked after 5 attempts (Code: 241. Memory limit); 5 of its 6 measured ticks"), whale.note());
    assertEquals(Figure.Verdict.NO_TARGET, whale.verdict(), "(c) shows the failure; it has no target");
  }

  @Test
  void aCensoredLagIsJudgedOnlyWhereALowerBoundDecides() {
    // Median 250 against 3 x 100: a lower bound within the target decides nothing.
    assertEquals(Figure.Verdict.NOT_MEASURED, named(figures(stats(100, 200, 50, 0), stats(250, 900, 6, 1), OptionalLong.of(10)), WHALE).verdict());
    // A lower bound already past the (exact) target: missed for sure.
    assertEquals(Figure.Verdict.MISSED, named(figures(stats(100, 200, 50, 0), stats(400, 900, 6, 1), OptionalLong.of(10)), WHALE).verdict());
    // An exact lag within a bound that is itself a lower bound: met for sure; past it: undecided.
    assertEquals(Figure.Verdict.MET, named(figures(stats(100, 200, 50, 3), stats(250, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
    assertEquals(Figure.Verdict.NOT_MEASURED, named(figures(stats(100, 200, 50, 3), stats(400, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
    assertEquals(Figure.Verdict.MET, named(figures(stats(100, 200, 50, 0), stats(300, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
    assertEquals(Figure.Verdict.MISSED, named(figures(stats(100, 200, 50, 0), stats(301, 900, 6, 0), OptionalLong.of(10)), WHALE).verdict());
  }

  @Test
  void theSplitSmallP99MayExceedTheBaselinesByATenthAndTheSplitRunMayTimeOutNothing() {
    String p99 = "(b) whale, split small workspaces, p99 freshness lag";
    assertEquals(Figure.Verdict.MET, named(figures(stats(100, 240, 50, 0), stats(300, 900, 6, 0), OptionalLong.of(10)), p99).verdict());
    assertEquals(Figure.Verdict.MISSED, named(figures(stats(100, 241, 50, 0), stats(300, 900, 6, 0), OptionalLong.of(10)), p99).verdict());
    String timeouts = "(b) whale, split timed-out statements";
    Optional<Retries> none = Optional.of(new Retries(0, 0, 0, 0));
    assertEquals(Figure.Verdict.MET, named(figures(result(FairnessConfig.SPLIT, "exactly_once_v2", stats(100, 200, 50, 0), List.of(),
        stats(300, 900, 6, 0), OptionalLong.of(10), Optional.empty(), 0, none)), timeouts).verdict());
    assertEquals(Figure.Verdict.MISSED, named(figures(result(FairnessConfig.SPLIT, "exactly_once_v2", stats(100, 200, 50, 0), List.of(),
        stats(300, 900, 6, 0), OptionalLong.of(10), Optional.empty(), 1, none)), timeouts).verdict());
    assertEquals(Figure.Verdict.MISSED, named(figures(result(FairnessConfig.SPLIT, "exactly_once_v2", stats(100, 200, 50, 0), List.of(),
        stats(300, 900, 6, 0), OptionalLong.of(10), Optional.empty(), 0, Optional.of(new Retries(0, 2, 1, 0)))), timeouts).verdict());
    assertNotMeasured(named(figures(stats(100, 200, 50, 0), stats(300, 900, 6, 0), OptionalLong.of(10)), timeouts));
    assertEquals(Figure.Verdict.NOT_MEASURED, named(figures(result(FairnessConfig.SPLIT, "exactly_once_v2", stats(100, 200, 50, 0),
        List.of(), stats(300, 900, 6, 0), OptionalLong.of(10), Optional.empty(), 0, none, 2)), timeouts).verdict(),
        "no timeout seen, but two failures could have been ones");
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
