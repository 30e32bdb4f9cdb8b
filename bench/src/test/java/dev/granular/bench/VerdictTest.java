package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a figure may claim: nothing measured is never MET, never 0 and never -1. */
class VerdictTest {
  static void assertNotMeasured(Figure f) {
    assertNull(f.value(), f.name() + " has no value");
    assertEquals(Figure.Verdict.NOT_MEASURED, f.verdict(), f.name());
    assertEquals("not measured", ReportWriter.value(f), f.name());
  }

  @Test
  void aZeroDenominatorHasNoRatioSoNoTargetIsMet() {
    assertEquals(OptionalDouble.empty(), Ratio.of(0, 0));
    assertEquals(OptionalDouble.empty(), Ratio.of(5, 0));
    assertEquals(OptionalDouble.empty(), Ratio.of(-1, 10), "-1 is a could-not-read marker, not a quantity");
    assertEquals(OptionalDouble.empty(), Ratio.of(OptionalDouble.of(3), OptionalDouble.empty()));
    assertEquals(OptionalDouble.of(0.5), Ratio.of(1, 2));
    assertEquals(OptionalDouble.of(0.0), Ratio.of(0, 2), "a real 0 over a real denominator stays a figure");
    assertEquals(OptionalDouble.of(50.0), Ratio.percent(1, 2));
    assertNotMeasured(Figure.of("P3", "tick / full", Ratio.percent(0, 0), "%", "the full recompute took 0 ms").atMost("≤ 5%", 5));
    assertNotMeasured(Figure.of("P2", "a / b", Ratio.of(10, 0), "x", "b is 0").atLeast("≥ 1.0x", 1));
  }

  @Test
  void targetsAreJudgedByTheValueInTheirDirection() {
    assertEquals(Figure.Verdict.MET, Figure.of("P", "x", 5, "%").atMost("≤ 5%", 5).verdict());
    assertEquals(Figure.Verdict.MISSED, Figure.of("P", "x", 5.01, "%").atMost("≤ 5%", 5).verdict());
    assertEquals(Figure.Verdict.MET, Figure.of("P", "x", 1, "x").atLeast("≥ 1.0x", 1).verdict());
    assertEquals(Figure.Verdict.MISSED, Figure.of("P", "x", 0.99, "x").atLeast("≥ 1.0x", 1).verdict());
    Figure undecided = Figure.of("P", "x", 3, "ms").undecided("≤ 4 ms", "a lower bound");
    assertEquals(Figure.Verdict.NOT_MEASURED, undecided.verdict());
    assertEquals(3.0, undecided.value(), "shown, but not judged");
  }

  @Test
  void aNegativeCountIsNotMeasuredNeverMinusOne() {
    assertNotMeasured(Figure.count("P3", "rows read", -1, "rows", "no log"));
    assertEquals(0.0, Figure.count("P3", "rows read", 0, "rows", "no log").value(), "0 counted is a figure");
    assertNotMeasured(MemoryFigure.of("during P2", OptionalLong.of(-1)));
    assertNotMeasured(MemoryFigure.of("during P2", OptionalLong.empty()));
    assertEquals(Figure.Verdict.MET, MemoryFigure.of("during P2", OptionalLong.of(100L << 20)).verdict());
  }

  @Test
  void unavailableCpuTimeIsNotMeasuredNeverZero() {
    Duration s = Duration.ofSeconds(1);
    assertEquals(OptionalDouble.empty(), GranularIngest.cpuPerMillion(Optional.empty(), Optional.of(s), 1_000_000));
    assertEquals(OptionalDouble.empty(), GranularIngest.cpuPerMillion(Optional.of(s), Optional.empty(), 1_000_000));
    assertEquals(OptionalDouble.empty(), GranularIngest.cpuPerMillion(Optional.of(s), Optional.of(s), 1_000_000),
        "CPU time that did not advance was not read");
    assertEquals(OptionalDouble.empty(), GranularIngest.cpuPerMillion(Optional.of(s), Optional.of(s.multipliedBy(3)), 0));
    assertEquals(OptionalDouble.of(4.0), GranularIngest.cpuPerMillion(Optional.of(s), Optional.of(s.multipliedBy(3)), 500_000));
  }

  @Test
  void aRateOverNoTimeIsNotARate() {
    RowWatch.Progress instant = new RowWatch.Progress(1_000, 1_000, 500, true, new RowWatch.Mark(1_000, 500));
    assertEquals(OptionalDouble.empty(), instant.eventsPerSecond());
    assertEquals(OptionalDouble.empty(), instant.warmEventsPerSecond());
    RowWatch.Progress neverWarm = new RowWatch.Progress(0, 2_000, 100, false, new RowWatch.Mark(0, 0));
    assertEquals(OptionalDouble.of(50.0), neverWarm.eventsPerSecond());
    assertEquals(OptionalDouble.empty(), neverWarm.warmEventsPerSecond());
  }
}
