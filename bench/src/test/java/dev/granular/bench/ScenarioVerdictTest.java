package dev.granular.bench;

import static dev.granular.bench.VerdictTest.assertNotMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granular.bench.load.LoadSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The edge cases of each scenario's figures: what was not measured reads so, whatever the target. */
class ScenarioVerdictTest {
  private static final RowWatch.Progress TEN_SECONDS = new RowWatch.Progress(0, 10_000, 100_000, true, new RowWatch.Mark(2_000, 20_000));

  static Figure named(List<Figure> figures, String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + figures));
  }

  static GranularIngest.Run run(String guarantee, RowWatch.Progress p, OptionalDouble cpu) {
    return new GranularIngest.Run(guarantee, p, cpu, OptionalLong.empty(), Optional.empty(), "app.log", Optional.empty());
  }

  static IngestScenario.Result ingest(GranularIngest.Run main, GranularIngest.Run other, RowWatch.Progress engine) {
    return ingest(main, other, engine, MachineLimits.Limit.notMeasured("not run"), MachineLimits.Limit.notMeasured("not run"));
  }

  static IngestScenario.Result ingest(GranularIngest.Run main, GranularIngest.Run other, RowWatch.Progress engine,
      MachineLimits.Limit kafka, MachineLimits.Limit insert) {
    LoadSummary produced = new LoadSummary(1, "r", 10, 10_000, 0, 0, 100_000, 0, 0, 0, 0, 0, 1_000);
    return new IngestScenario.Result(100_000, 100_000, produced, 100_000, main, other, other == null ? "it failed" : null,
        new KafkaEngineBaseline.Result(engine, null), Map.of(), kafka, insert);
  }

  @Test
  void p2GranularIsJudgedAgainstTheLowerMachineLimitAndAMissingLimitIsNotMeasured() {
    RowWatch.Progress warm = new RowWatch.Progress(0, 10_000, 100_000, true, new RowWatch.Mark(2_000, 20_000)); // 10,000/s warm
    String share = "Granular warm rate / machine limit (the lower of the two)";
    List<Figure> met = IngestFigures.of(ingest(run("exactly_once_v2", warm, OptionalDouble.empty()), null, TEN_SECONDS,
        new MachineLimits.Limit(OptionalDouble.of(900_000), "kafka"), new MachineLimits.Limit(OptionalDouble.of(40_000), "insert")));
    assertEquals(0.25, named(met, share).value(), 1e-9, "against the lower: the insert limit");
    assertEquals(Figure.Verdict.MET, named(met, share).verdict());
    List<Figure> missed = IngestFigures.of(ingest(run("exactly_once_v2", warm, OptionalDouble.empty()), null, TEN_SECONDS,
        new MachineLimits.Limit(OptionalDouble.of(40_001), "kafka"), new MachineLimits.Limit(OptionalDouble.of(900_000), "insert")));
    assertEquals(Figure.Verdict.MISSED, named(missed, share).verdict());
    List<Figure> unknown = IngestFigures.of(ingest(run("exactly_once_v2", warm, OptionalDouble.empty()), null, TEN_SECONDS,
        new MachineLimits.Limit(OptionalDouble.of(40_000), "kafka"), MachineLimits.Limit.notMeasured("no clickhouse-client")));
    assertNotMeasured(named(unknown, share));
    assertNotMeasured(named(unknown, "machine limit: ClickHouse insert, clickhouse-client"));
    assertEquals(40_000.0, named(unknown, "machine limit: Kafka read, ConsumerPerformance").value());
  }

  @Test
  void p2AnEngineThatTookNoTimeGivesNoRatioAndUnreadableCpuIsNotZero() {
    RowWatch.Progress instant = new RowWatch.Progress(5_000, 5_000, 100_000, true, new RowWatch.Mark(5_000, 100_000));
    List<Figure> figures = IngestFigures.of(ingest(run("exactly_once_v2", TEN_SECONDS, OptionalDouble.empty()), null, instant));
    assertEquals(10_000.0, named(figures, "Granular ingest, JSON events until durable in ClickHouse").value());
    assertNotMeasured(named(figures, "ClickHouse Kafka engine + materialized view, same topic"));
    assertNotMeasured(named(figures, "Granular / Kafka engine, from group stable to last event"));
    assertNotMeasured(named(figures, "Granular / Kafka engine, warm"));
    assertNotMeasured(named(figures, "app CPU per million events ingested"));
  }

  @Test
  void p2GranularsWarmRateIsReportedEvenWithoutTheEngine() {
    RowWatch.Progress warm = new RowWatch.Progress(0, 10_000, 100_000, true, new RowWatch.Mark(2_000, 20_000));
    LoadSummary produced = new LoadSummary(1, "r", 10, 10_000, 0, 0, 100_000, 0, 0, 0, 0, 0, 1_000);
    IngestScenario.Result noEngine = new IngestScenario.Result(100_000, 100_000, produced, 100_000,
        run("exactly_once_v2", warm, OptionalDouble.empty()), null, "it failed",
        new KafkaEngineBaseline.Result(null, "the engine could not start"), Map.of(),
        MachineLimits.Limit.notMeasured("not run"), MachineLimits.Limit.notMeasured("not run"));
    List<Figure> figures = IngestFigures.of(noEngine);
    assertEquals(10_000.0, named(figures, "Granular ingest, warm (after the first 20% of the events)").value());
    assertNotMeasured(named(figures, "Granular / Kafka engine"));
  }

  @Test
  void p2GranularNeverWarmIsNotMeasuredRatherThanMissedAtZero() {
    RowWatch.Progress neverWarm = new RowWatch.Progress(0, 10_000, 100, false, new RowWatch.Mark(0, 0));
    List<Figure> figures = IngestFigures.of(ingest(run("exactly_once_v2", neverWarm, OptionalDouble.of(3)), null, TEN_SECONDS));
    Figure warm = named(figures, "Granular ingest, warm (after the first 20% of the events)");
    assertNotMeasured(warm);
    assertEquals("never reached 20% of the events", warm.note());
    assertNotMeasured(named(figures, "Granular / Kafka engine, warm"));
    assertEquals(3.0, named(figures, "app CPU per million events ingested").value());
  }

  @Test
  void p3AFullRecomputeOfNoTimeOrNoLoggedStatementsIsNotATickRatio() {
    QueryLog.Logged none = new QueryLog.Logged(0, 0, 0, 0, 0, 9);
    QueryLog.Logged some = new QueryLog.Logged(9, 1_000, 0, 0, 0, 9);
    var zeroTime = new IncrementalScenario.Result(100, 5, 10, 2, 1, new IncrementalScenario.Measure(3, 1, some),
        new IncrementalScenario.Measure(0, 1, none), null);
    List<Figure> figures = IncrementalFigures.of(List.of(zeroTime));
    assertNotMeasured(named(figures, "H=100 W=5: tick time / full recompute time"));
    Figure rows = named(figures, "H=100 W=5: rows read, tick / full");
    assertNotMeasured(rows);
    assertEquals("none of a task's statements reached system.query_log", rows.note());
    var zeroRows = new IncrementalScenario.Result(100, 5, 10, 2, 1, new IncrementalScenario.Measure(3, 1, some),
        new IncrementalScenario.Measure(60, 1, new QueryLog.Logged(9, 0, 0, 0, 0, 9)), null);
    assertNotMeasured(named(IncrementalFigures.of(List.of(zeroRows)), "H=100 W=5: tick rows read / full recompute rows read"));
  }

  @Test
  void theCostOfExactlyOnceIsSideBySideWithoutATargetAndNeedsBothSides() {
    RowWatch.Progress twentySeconds = new RowWatch.Progress(0, 20_000, 100_000, true, new RowWatch.Mark(2_000, 20_000));
    // The main run may be either side; figures are named by the guarantee each side really ran under.
    List<Figure> figures = GuaranteeFigures.ingest(ingest(run("at_least_once", TEN_SECONDS, OptionalDouble.empty()),
        run("exactly_once_v2", twentySeconds, OptionalDouble.empty()), TEN_SECONDS));
    assertEquals(5_000.0, named(figures, "Granular ingest events/s, exactly_once_v2").value());
    assertEquals(10_000.0, named(figures, "Granular ingest events/s, at_least_once").value());
    assertEquals(0.5, named(figures, "Granular ingest events/s, exactly-once / at-least-once").value());
    assertTrue(figures.stream().allMatch(f -> f.target() == null && f.note().contains("cost of exactly-once")), figures.toString());
    assertFalse(figures.stream().anyMatch(f -> f.verdict() == Figure.Verdict.MET || f.verdict() == Figure.Verdict.MISSED));
    assertNotMeasured(GuaranteeFigures.sideBySide("P1", "lag", "ms", OptionalDouble.of(5), OptionalDouble.of(0), "").get(2));
    assertNotMeasured(GuaranteeFigures.ingest(ingest(run("exactly_once_v2", TEN_SECONDS, OptionalDouble.empty()), null,
        TEN_SECONDS)).get(0));
  }
}
