package dev.granular.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
      double timeRatio = r.full().millis() == 0 ? 0 : 100.0 * r.tick().millis() / r.full().millis();
      out.add(Figure.of("P3", at + ": tick time / full recompute time", timeRatio, "%").against("≤ 5%", timeRatio <= 5)
          .withNote(String.format(Locale.ROOT, "the new window is %.1f%% of the history", 100.0 * r.newEvents() / r.history())));
      if (r.tick().logged() == null || r.full().logged() == null) {
        String why = r.problem() == null ? "no query log" : r.problem();
        out.add(Figure.notMeasured("P3", at + ": rows read, tick / full", "%", why));
        continue;
      }
      QueryLog.Logged tick = r.tick().logged();
      QueryLog.Logged full = r.full().logged();
      out.add(Figure.of("P3", at + ": tick, rows read", tick.readRows(), "rows").withNote(logNote(tick)));
      out.add(Figure.of("P3", at + ": full recompute, rows read", full.readRows(), "rows").withNote(logNote(full)));
      double rowsRatio = full.readRows() == 0 ? 0 : 100.0 * tick.readRows() / full.readRows();
      out.add(Figure.of("P3", at + ": tick rows read / full recompute rows read", rowsRatio, "%")
          .against("≤ 5%", rowsRatio <= 5));
    }
    if (results.size() == 2 && results.get(0).tick().logged() != null && results.get(1).tick().logged() != null) {
      IncrementalScenario.Result small = results.get(0);
      IncrementalScenario.Result large = results.get(1);
      double history = (double) large.history() / small.history();
      double rows = (double) large.tick().logged().readRows() / Math.max(1, small.tick().logged().readRows());
      double time = (double) large.tick().millis() / Math.max(1, small.tick().millis());
      out.add(Figure.of("P3", "growth of the tick's rows read with history", rows, "x").withNote(String.format(Locale.ROOT,
          "history grew %.1fx with the same W; the tick's time grew %.2fx. A tick whose cost followed only the new"
          + " window would stay near 1x. The growth is in reading the merged states and latest assignments of the"
          + " users the window touched: their rows are spread over the 8,192-row granules of tables that grow with"
          + " the number of users, so ClickHouse reads most granules", history, time)));
    }
    return out;
  }

  private static String logNote(QueryLog.Logged l) {
    String note = String.format(Locale.ROOT, "%d statements, %,d rows written, %,d ms in ClickHouse", l.queries(),
        l.writtenRows(), l.durationMs());
    return l.queries() < l.expected() ? note + "; only " + l.queries() + " of " + l.expected()
        + " statements reached system.query_log in time, so this undercounts" : note;
  }
}
