package dev.granular.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sizes of every scenario. DEFAULT keeps `make bench` to about 20 minutes on 2 shared cores; FULL is the
 * issue's sizes (1M events for P2, 10M of history for P3, 1M whale users with 200 segments for P1 and P5);
 * SMOKE only checks that every scenario runs.
 *
 * @param smallEvents       P1: records per small workspace per window (the whale has whaleFactor times as many)
 * @param rounds            P1: measured windows per configuration, after one warm-up window
 * @param statementLimit    P1: ClickHouse max_execution_time, the same for every configuration
 * @param roundTimeout      P1: how long a window may take before its unfinished ticks count as censored
 * @param histories         P3: the two history sizes H
 * @param guaranteeRounds   P1 (a) again under the other processing guarantee: its measured windows (cost of exactly-once)
 * @param capacity          P6: workspaces, properties and the offered rates it steps through
 */
public record BenchSize(String name, int smallWorkspaces, long smallEvents, int whaleFactor, int smallUsers,
    int whaleUsers, int segments, int userProperties, int rounds, Duration statementLimit, Duration roundTimeout,
    long ingestEvents, Duration ingestTimeout, List<Long> histories, long newEvents, Duration plannerWarmUp,
    Duration plannerBatch, int plannerBatches, int guaranteeRounds, CapacitySize capacity) {

  public BenchSize {
    if (guaranteeRounds < 1 || guaranteeRounds > rounds) {
      throw new IllegalArgumentException("guaranteeRounds must be 1 to rounds (" + rounds + "), got " + guaranteeRounds);
    }
  }

  public static final BenchSize DEFAULT = new BenchSize("default", 50, 1_500, 100, 200, 20_000, 20, 5, 6,
      Duration.ofSeconds(10), Duration.ofSeconds(120), 500_000, Duration.ofMinutes(3), List.of(100_000L, 500_000L), 5_000,
      Duration.ofSeconds(3), Duration.ofSeconds(1), 5, 3, new CapacitySize(1_000, 20, 40, 1.0,
          CapacitySize.doubling(5_000, 5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMinutes(3)));

  /**
   * Three measured P1 windows, not six: at 205 properties a window takes minutes on 2 cores. P6 with the issue's
   * 20 to 200 properties per workspace (the default size has 20 to 40: at 20 to 200 the app spends over ten minutes
   * compiling 110K definitions, one workspace compile per definition), longer steps and rates up to 320K events/s.
   */
  public static final BenchSize FULL = new BenchSize("full", 50, 2_000, 100, 2_000, 1_000_000, 200, 5, 3,
      Duration.ofSeconds(10), Duration.ofMinutes(15), 1_000_000, Duration.ofMinutes(20), List.of(1_000_000L, 10_000_000L),
      100_000, Duration.ofSeconds(10), Duration.ofSeconds(3), 7, 2, new CapacitySize(1_000, 20, 200, 1.0,
          CapacitySize.doubling(5_000, 7), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(30)));

  /** A few minutes: every code path of every scenario, at sizes too small for the figures to mean anything. */
  public static final BenchSize SMOKE = new BenchSize("smoke", 5, 200, 10, 50, 500, 3, 1, 1, Duration.ofSeconds(10),
      Duration.ofSeconds(60), 20_000, Duration.ofMinutes(2), List.of(5_000L, 10_000L), 500, Duration.ofSeconds(1),
      Duration.ofSeconds(1), 2, 1, new CapacitySize(100, 20, 30, 1.0, CapacitySize.doubling(500, 2),
          Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(2)));

  public static BenchSize named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "default" -> DEFAULT;
      case "full" -> FULL;
      case "smoke" -> SMOKE;
      default -> throw new IllegalArgumentException("--size must be default, full or smoke, got " + name);
    };
  }

  public int properties() {
    return segments + userProperties;
  }

  /** P4's JMH warm-up iterations: the warm-up time in iterations as long as the measured ones, at least one. */
  public int plannerWarmUps() {
    return (int) Math.max(1, plannerWarmUp.toMillis() / Math.max(1, plannerBatch.toMillis()));
  }

  /** T for P1 (a) and (b): ten small windows' work, so a small workspace never splits and the whale always does. */
  public long threshold() {
    return 10L * smallEvents * properties();
  }

  /** The sizes, for the report's configuration table. */
  public Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("P1 workspaces", smallWorkspaces + " small + 1 whale (configurations b, c); " + smallWorkspaces + " small (a)");
    d.put("P1 records per window", String.format(Locale.ROOT, "%,d per small workspace, %,d for the whale (%dx)",
        smallEvents, smallEvents * whaleFactor, whaleFactor));
    d.put("P1 users", String.format(Locale.ROOT, "%,d per small workspace, %,d in the whale", smallUsers, whaleUsers));
    d.put("P1 computed properties", String.format(Locale.ROOT, "%d per workspace (%d segments + %d user properties)",
        properties(), segments, userProperties));
    d.put("P1 windows", "1 warm-up (first compute over new definitions, not counted) + " + rounds + " measured; (a) again"
        + " under the other processing guarantee: 1 warm-up + " + guaranteeRounds + " measured");
    d.put("P1 threshold T", String.format(Locale.ROOT, "%,d events x properties (10 small windows) in (a) and (b);"
        + " %,d (effectively infinite) in (c)", threshold(), Long.MAX_VALUE / 4));
    d.put("P1 per-statement limit", statementLimit.toSeconds() + " s (granular.clickhouse.max-execution-time)");
    d.put("P1 window timeout", roundTimeout.toSeconds() + " s");
    d.put("P2 events", String.format(Locale.ROOT, "%,d", ingestEvents));
    d.put("P3 history H / new W", String.format(Locale.ROOT, "H = %s; W = %,d", histories.stream()
        .map(h -> String.format(Locale.ROOT, "%,d", h)).toList(), newEvents));
    d.put("P4 JMH", String.format(Locale.ROOT, "1 fork; %d warm-up and %d measured iterations of %d s; JMH's mean reported",
        plannerWarmUps(), plannerBatches, plannerBatch.toSeconds()));
    d.put("P6 load", capacity.describe());
    return d;
  }
}
