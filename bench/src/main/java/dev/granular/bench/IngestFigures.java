package dev.granular.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** P2's figures: Granular's and the Kafka engine's rates, their ratio, and the app's CPU per million events. */
final class IngestFigures {
  static final double TARGET_RATE = 50_000;
  private static final String RATE_TARGET = "≥ 50,000 events/s on 2 cores";
  private static final String NO_TIME = "no time passed between the group becoming stable and the last event";

  private IngestFigures() {}

  static String warmNote(RowWatch.Progress p) {
    return p.warm().atMs() == 0 ? "never reached 20% of the events"
        : String.format(Locale.ROOT, "%,d distinct events stored %.1f s after the group became stable; the remaining %,d"
            + " took %.1f s", p.warm().distinct(), (p.warm().atMs() - p.startMs()) / 1000.0, p.done() - p.warm().distinct(),
            (p.doneMs() - p.warm().atMs()) / 1000.0);
  }

  /** The share of the machine's limit (the lower of Kafka's read and ClickHouse's insert rate). */
  static final double LIMIT_SHARE = 0.25;

  /** Both ceilings, and Granular's warm rate (its sustained one) as a fraction of the lower. */
  static List<Figure> limits(IngestScenario.Result r) {
    List<Figure> out = new ArrayList<>();
    out.add(limit("machine limit: Kafka read, ConsumerPerformance", r.kafkaRead()));
    out.add(limit("machine limit: ClickHouse insert, clickhouse-client", r.clickHouseInsert()));
    OptionalDouble lower = lower(r.kafkaRead().perSecond(), r.clickHouseInsert().perSecond());
    RowWatch.Progress g = r.granular().progress();
    OptionalDouble warm = g.warmEventsPerSecond();
    Figure share = Figure.of("P2", "Granular warm rate / machine limit (the lower of the two)", Ratio.of(warm, lower), "x",
        lower.isEmpty() ? "a limit was not measured" : "Granular's warm rate was not measured");
    out.add(share.atLeast(String.format(Locale.ROOT, "≥ %.2f", LIMIT_SHARE), LIMIT_SHARE).withNote(String.format(Locale.ROOT,
        "Granular's warm rate %s events/s against %s records/s", warm.isPresent() ? String.format(Locale.ROOT, "%,.0f",
            warm.getAsDouble()) : "not measured", lower.isPresent() ? String.format(Locale.ROOT, "%,.0f", lower.getAsDouble())
            : "not measured")));
    return out;
  }

  /** Measured or not, the limit's note says how (or why not), once. */
  private static Figure limit(String name, MachineLimits.Limit limit) {
    Figure f = Figure.of("P2", name, limit.perSecond(), "records/s", limit.note());
    return limit.perSecond().isPresent() ? f.withNote(limit.note()) : f;
  }

  static OptionalDouble lower(OptionalDouble a, OptionalDouble b) {
    if (a.isEmpty() || b.isEmpty()) {
      return OptionalDouble.empty(); // the lower of one known and one unknown is unknown
    }
    return OptionalDouble.of(Math.min(a.getAsDouble(), b.getAsDouble()));
  }

  static List<Figure> of(IngestScenario.Result r) {
    List<Figure> out = new ArrayList<>();
    RowWatch.Progress g = r.granular().progress();
    Figure granular = Figure.of("P2", "Granular ingest, JSON events until durable in ClickHouse", g.eventsPerSecond(), "events/s",
        NO_TIME).atLeast(RATE_TARGET, TARGET_RATE)
        .withNote(String.format(Locale.ROOT, "%,d records = %,d distinct events (the rest restate a messageId), all durable"
            + " %.1f s after the app's consumer group became stable, under %s; produced beforehand at %,.0f events/s",
            r.events(), r.distinctEvents(), g.seconds(), r.granular().guarantee(), r.producerEventsPerSecond()));
    if (r.granular().profile().isPresent()) {
      granular = granular.withNote("under a flight recording (JFR, settings=profile), whose summary is in the notes");
    }
    out.add(g.complete() ? granular : granular.withNote(String.format(Locale.ROOT,
        "INCOMPLETE: %,d of %,d distinct events durable before the timeout", g.done(), r.distinctEvents())));
    // Granular's sustained rate stands on its own, with or without the engine to compare it with.
    Figure warm = Figure.of("P2", "Granular ingest, warm (after the first 20% of the events)", g.warmEventsPerSecond(),
        "events/s", warmNote(g)).atLeast(RATE_TARGET, TARGET_RATE);
    out.add(g.warmEventsPerSecond().isPresent() ? warm.withNote(warmNote(g)) : warm);
    KafkaEngineBaseline.Result b = r.baseline();
    if (b.progress() == null) {
      out.add(Figure.notMeasured("P2", "ClickHouse Kafka engine + materialized view", "events/s", b.problem()));
      out.add(Figure.notMeasured("P2", "Granular / Kafka engine", "x", b.problem()));
    } else {
      RowWatch.Progress k = b.progress();
      Figure engine = Figure.of("P2", "ClickHouse Kafka engine + materialized view, same topic", k.eventsPerSecond(), "events/s",
          NO_TIME).withNote(String.format(Locale.ROOT, "%,d distinct events, all stored %.1f s after its consumer group became"
              + " stable; separate consumer group, Granular stopped; kafka_max_block_size = Granular's batch size;"
              + " flat columns only (18.16 JSONEachRow cannot keep the"
              + " properties/traits objects, so it stores less per event)", k.done(), k.seconds()));
      out.add(b.problem() == null ? engine : engine.withNote(b.problem()));
      out.add(Figure.of("P2", "Granular / Kafka engine, from group stable to last event",
          Ratio.of(g.eventsPerSecond(), k.eventsPerSecond()), "x", "one of the two rates was not measured")
          .atLeast("≥ 1.0x", 1.0).withNote("includes each consumer's start: the JVM compiling Granular's hot path, which the"
              + " engine (native code) does not need"));
      OptionalDouble engineWarm = k.warmEventsPerSecond();
      if (engineWarm.isPresent()) {
        out.add(Figure.of("P2", "Kafka engine, warm (after the first 20% of the events)", engineWarm.getAsDouble(), "events/s")
            .withNote(warmNote(k)));
        out.add(Figure.of("P2", "Granular / Kafka engine, warm", Ratio.of(g.warmEventsPerSecond(), engineWarm), "x",
            "Granular's warm rate was not measured").atLeast("≥ 1.0x", 1.0)
            .withNote("the sustained rates of both, measured the same way"));
      } else {
        out.add(Figure.notMeasured("P2", "Granular / Kafka engine, warm", "x", "the engine stored every event in one flush"
            + " (" + warmNote(k) + "), so it has no sustained rate to compare; its rate above is a lower bound"));
      }
    }
    out.addAll(limits(r));
    out.add(Figure.of("P2", "app CPU per million events ingested", r.granular().cpuSecondsPerMillion(), "CPU s",
        "the app's CPU time could not be read").withNote("user + system CPU time of the app process from its group"
            + " becoming stable to the last event durable"));
    return out;
  }
}
