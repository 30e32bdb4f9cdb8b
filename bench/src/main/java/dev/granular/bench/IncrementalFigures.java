package dev.granular.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** P3's figures per history size: tick and full recompute, time and rows read, and their ratios (target ≤ 5%). */
final class IncrementalFigures {
  private IncrementalFigures() {}

  static List<Figure> of(List<IncrementalScenario.Result> results) {
    List<Figure> out = new ArrayList<>();
    for (IncrementalScenario.Result r : results) {
      String at = String.format(Locale.ROOT, "H=%,d W=%,d", r.history(), r.newEvents());
      out.add(Figure.of("P3", at + ": tick over the new window, time", r.tick().millis(), "ms"));
      out.add(Figure.of("P3", at + ": full recompute from an empty cursor, time", r.full().millis(), "ms")
          .withNote(String.format(Locale.ROOT, "building the history's state first took %,d ms", r.prepareMillis())));
      out.add(Figure.of("P3", at + ": tick time / full recompute time", Ratio.percent(r.tick().millis(), r.full().millis()), "%",
          "the full recompute took 0 ms").atMost("≤ 5%", 5)
          .withNote(String.format(Locale.ROOT, "the new window is %.1f%% of the history", 100.0 * r.newEvents() / r.history())));
      if (!measured(r.tick().logged()) || !measured(r.full().logged())) {
        String why = r.problem() != null ? r.problem() : r.tick().logged() == null || r.full().logged() == null ? "no query log"
            : "none of a task's statements reached system.query_log";
        out.add(Figure.notMeasured("P3", at + ": rows read, tick / full", "%", why));
        continue;
      }
      QueryLog.Logged tick = r.tick().logged();
      QueryLog.Logged full = r.full().logged();
      out.add(Figure.count("P3", at + ": tick, rows read", tick.readRows(), "rows", "system.query_log gave no count").withNote(logNote(tick)));
      out.add(Figure.count("P3", at + ": full recompute, rows read", full.readRows(), "rows", "system.query_log gave no count").withNote(logNote(full)));
      out.add(Figure.of("P3", at + ": tick rows read / full recompute rows read", Ratio.percent(tick.readRows(), full.readRows()),
          "%", "the full recompute read no rows").atMost("≤ 5%", 5));
    }
    if (results.size() == 2 && measured(results.get(0).tick().logged()) && measured(results.get(1).tick().logged())) {
      IncrementalScenario.Result small = results.get(0);
      IncrementalScenario.Result large = results.get(1);
      double history = (double) large.history() / small.history();
      OptionalDouble rows = Ratio.of(large.tick().logged().readRows(), small.tick().logged().readRows());
      OptionalDouble time = Ratio.of(large.tick().millis(), small.tick().millis());
      out.add(Figure.of("P3", "growth of the tick's rows read with history", rows, "x", "the smaller history's tick read no rows")
          .withNote(String.format(Locale.ROOT, "history grew %.1fx with the same W; the tick's time grew %s. A tick whose cost"
          + " followed only the new window would stay near 1x. The growth is in reading the merged states and latest"
          + " assignments of the users the window touched: their rows are spread over the 8,192-row granules of tables"
          + " that grow with the number of users, so ClickHouse reads most granules", history,
          time.isPresent() ? String.format(Locale.ROOT, "%.2fx", time.getAsDouble()) : "by an unmeasured factor (0 ms before)")));
    }
    return out;
  }

  /** Rows read are known only if some of the task's statements reached the log; the sums are 0 otherwise. */
  static boolean measured(QueryLog.Logged logged) {
    return logged != null && logged.queries() > 0;
  }

  private static String logNote(QueryLog.Logged l) {
    String note = String.format(Locale.ROOT, "%d statements, %,d rows written, %,d ms in ClickHouse", l.queries(),
        l.writtenRows(), l.durationMs());
    return l.queries() < l.expected() ? note + "; only " + l.queries() + " of " + l.expected()
        + " statements reached system.query_log in time, so this undercounts" : note;
  }
}
