package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CapacityCurveTest {
  /** A step with the given p99 (ms; negative: no plan sampled) and ingest backlog in seconds of the offered rate. */
  static CapacityStep step(long rate, long p99Ms, double backlogSeconds) {
    Freshness.Stats f = p99Ms < 0 ? null : new Freshness.Stats(100, p99Ms / 2, p99Ms, p99Ms, 0);
    return new CapacityStep(rate, rate, f, OptionalDouble.of(1.2), OptionalDouble.of(0.9), OptionalLong.of(300L << 20),
        OptionalDouble.of(backlogSeconds), OptionalDouble.of(20));
  }

  @Test
  void aStepHoldsAtTenSecondsAndNotAboveOrWhenIngestFallsBehind() {
    assertEquals(CapacityCurve.Outcome.HELD, CapacityCurve.outcome(step(5_000, 10_000, 0.2)));
    assertEquals(CapacityCurve.Outcome.MISSED, CapacityCurve.outcome(step(5_000, 10_001, 0.2)));
    assertEquals(CapacityCurve.Outcome.MISSED, CapacityCurve.outcome(step(5_000, 2_000, 10.5)),
        "fresh plans but 10.5 s of events unread");
    assertEquals(CapacityCurve.Outcome.NOT_MEASURED, CapacityCurve.outcome(step(5_000, -1, 0)));
    CapacityStep unreadableBacklog = new CapacityStep(5_000, 5_000, new Freshness.Stats(10, 1_000, 3_000, 3_000, 0),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    assertEquals(CapacityCurve.Outcome.HELD, CapacityCurve.outcome(unreadableBacklog));
  }

  @Test
  void steppingStopsAtTheFirstStepThatDoesNotHold() {
    assertFalse(CapacityCurve.stopAfter(step(5_000, 3_000, 0)));
    assertTrue(CapacityCurve.stopAfter(step(40_000, 12_000, 0)));
    assertTrue(CapacityCurve.stopAfter(step(40_000, -1, 0)), "nothing to learn from a higher rate");
  }

  @Test
  void theHighestRateIsTheLastThatHeldBeforeTheFirstThatDidNot() {
    List<CapacityStep> steps = List.of(step(5_000, 2_000, 0), step(10_000, 3_000, 0), step(20_000, 6_000, 1),
        step(40_000, 25_000, 30));
    assertEquals(20_000, CapacityCurve.highest(steps).getAsLong());
    Figure f = CapacityCurve.figure(steps, 5);
    assertEquals(20_000.0, f.value());
    assertEquals(Figure.Verdict.MET, f.verdict());
    assertTrue(f.note().contains("40,000 events/s: p99 25.0 s"), f.note());
    // A step that held after one that did not does not count: the curve stopped there.
    assertEquals(5_000, CapacityCurve.highest(List.of(step(5_000, 2_000, 0), step(10_000, 11_000, 0),
        step(20_000, 2_000, 0))).getAsLong());
  }

  @Test
  void belowTheTargetRateIsMissed() {
    Figure f = CapacityCurve.figure(List.of(step(5_000, 2_000, 0), step(10_000, 10_500, 0)), 5);
    assertEquals(5_000.0, f.value());
    assertEquals(Figure.Verdict.MISSED, f.verdict());
  }

  @Test
  void noStepRunOrNoneMeasuredIsNotMeasuredNeverZero() {
    Figure none = CapacityCurve.figure(List.of(), 5);
    assertEquals(Figure.Verdict.NOT_MEASURED, none.verdict());
    assertNull(none.value());
    Figure unmeasured = CapacityCurve.figure(List.of(step(5_000, -1, 0)), 5);
    assertEquals(Figure.Verdict.NOT_MEASURED, unmeasured.verdict());
    assertNull(unmeasured.value());
    assertTrue(unmeasured.note().contains("no small workspace's plan completed"), unmeasured.note());
  }

  @Test
  void whenEvenTheLowestStepMissesThereIsNoNumberButTheTargetIsMissed() {
    Figure f = CapacityCurve.figure(List.of(step(5_000, 15_000, 0)), 5);
    assertNull(f.value());
    assertEquals("below 5,000", f.state());
    assertEquals(Figure.Verdict.MISSED, f.verdict());
  }

  @Test
  void whenEveryStepHeldTheRateIsALowerBound() {
    Figure met = CapacityCurve.figure(List.of(step(10_000, 1_000, 0), step(20_000, 2_000, 0)), 2);
    assertEquals(Figure.Verdict.MET, met.verdict());
    assertTrue(met.note().contains("at least"), met.note());
    Figure low = CapacityCurve.figure(List.of(step(500, 1_000, 0), step(1_000, 2_000, 0)), 2);
    assertEquals(1_000.0, low.value());
    assertEquals(Figure.Verdict.NOT_MEASURED, low.verdict(), "a lower bound under the target decides nothing");
  }
}
