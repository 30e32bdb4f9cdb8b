package dev.granular.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P1's figures per configuration, judged against the targets: in (b), the small workspaces' p99 within
 * 1.2x of (a)'s, the whale's lag within 3x a small workspace's (its median lag against their p50), and no
 * statement timed out. (c) has no targets: it shows what splitting prevents.
 */
final class FairnessFigures {
  /** The bound on (b)'s small p99, in (a)'s. */
  static final double SMALL_P99_FACTOR = 1.2;

  private FairnessFigures() {}

  static List<Figure> of(Map<FairnessConfig, FairnessResult> results) {
    List<Figure> out = new ArrayList<>();
    FairnessResult baseline = results.get(FairnessConfig.NO_WHALE);
    for (FairnessResult r : results.values()) {
      String c = r.config().title();
      out.add(lag(c + " small workspaces, p50 freshness lag", r.small().p50(), r.small()));
      Figure p99 = lag(c + " small workspaces, p99 freshness lag", r.small().p99(), r.small());
      if (r.config() == FairnessConfig.SPLIT && baseline != null) {
        long bound = Math.round(SMALL_P99_FACTOR * baseline.small().p99());
        p99 = FairnessTargets.atMost(p99, String.format(Locale.ROOT, "≤ %.1f × (a) = %,d ms", SMALL_P99_FACTOR, bound), bound,
            r.small(), baseline.small());
      }
      out.add(p99);
      if (r.whale() != null) {
        out.add(FairnessTargets.whale(r, c));
      }
      // A statement that fails is retried within its attempt (counted by the app's retry counters); the attempt
      // fails when the retries run out. Both are failed statements.
      String failures = String.format(Locale.ROOT, "retried within an attempt: %s; %d task attempts failed (%d timeouts,"
          + " %d over the memory limit); %d tasks re-sent; %d parked plans", Retries.describe(r.retries()), r.failedAttempts(),
          r.timedOutAttempts(), r.outOfMemoryAttempts(), r.retriedTasks(), r.parkedPlans());
      out.add(r.retries().map(retries -> Figure.of("P1", c + " failed or timed-out statements", r.failedAttempts() + retries.total(), ""))
          .orElse(Figure.notMeasured("P1", c + " failed or timed-out statements", "", "the app's retry counters could not be read"))
          .withNote(failures));
      out.add(timeouts(r, c));
      out.add(FairnessTargets.work(r, c));
    }
    return out;
  }

  /** Statements a timeout ended, within attempts or ending them; in (b) there must be none. */
  static Figure timeouts(FairnessResult r, String c) {
    String name = c + " timed-out statements";
    if (r.retries().isEmpty()) {
      return Figure.notMeasured("P1", name, "", "the app's retry counters could not be read");
    }
    Figure f = Figure.of("P1", name, r.retries().get().timeouts() + r.timedOutAttempts(), "").withNote(String.format(Locale.ROOT,
        "%d retried within an attempt, %d ending an attempt", r.retries().get().timeouts(), r.timedOutAttempts()));
    if (r.config() != FairnessConfig.SPLIT) {
      return f;
    }
    if (f.value() == 0 && r.unreadableAttempts() > 0) {
      return f.undecided("= 0", r.unreadableAttempts() + " failed attempt(s) carried a server error the client could not read"
          + " (ClickHouse 18.16 sends no error-code header); any of them may have been a timeout");
    }
    return f.atMost("= 0", 0);
  }

  static Figure lag(String name, long value, Freshness.Stats stats) {
    Figure f = Figure.of("P1", name, value, "ms").withNote(stats.count() + " ticks");
    return stats.exact() ? f : f.withNote(stats.censored() + " tick(s) not covered before the window timeout;"
        + " their lag counts as the time observed, so this is a lower bound");
  }

  /** P5 for P1: the app's peak RSS in each configuration. */
  static List<Figure> memory(Map<FairnessConfig, FairnessResult> results) {
    List<Figure> out = new ArrayList<>();
    for (FairnessResult r : results.values()) {
      out.add(MemoryFigure.of("during P1 " + r.config().title(), r.peakRssBytes()));
    }
    return out;
  }
}
