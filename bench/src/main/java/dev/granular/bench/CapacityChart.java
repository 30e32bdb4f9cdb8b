package dev.granular.bench;

import java.util.List;
import java.util.Locale;

/**
 * P6's curve as an SVG chart: offered rate (x, log scale) against small-workspace p99 freshness (y, with p50 in
 * grey), and the 10 s target as a dashed line. Written as text with a fixed layout and Locale.ROOT numbers, so the
 * same figures give the same bytes and the committed file changes only when a figure does. Steps whose freshness
 * could not be measured are marked "not measured" on the x axis rather than drawn at 0.
 */
final class CapacityChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 400;
  private static final int LEFT = 70;
  private static final int RIGHT = WIDTH - 30;
  private static final int TOP = 50;
  private static final int BOTTOM = HEIGHT - 60;
  private static final double TARGET_S = CapacityCurve.TARGET_P99_MS / 1000.0;

  private CapacityChart() {}

  static String svg(List<CapacityStep> steps, String title) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append("<title>").append(xml(title)).append("</title>\n");
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    s.append(text("title", WIDTH / 2.0, 25, "middle", title));
    long lo = steps.stream().mapToLong(CapacityStep::offeredRate).min().orElse(1_000);
    long hi = steps.stream().mapToLong(CapacityStep::offeredRate).max().orElse(lo);
    ChartScale x = new ChartScale(lo / Math.sqrt(2), hi * Math.sqrt(2), LEFT, RIGHT, true);
    double worst = steps.stream().filter(t -> t.freshness() != null).mapToDouble(t -> t.freshness().p99() / 1000.0)
        .max().orElse(0);
    ChartScale y = new ChartScale(0, ChartScale.niceCeiling(Math.max(1.5 * TARGET_S, 1.1 * worst)), BOTTOM, TOP, false);
    axes(s, steps, x, y);
    s.append(String.format(Locale.ROOT, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
        + " stroke=\"#c00\" stroke-dasharray=\"6 4\"/>%n", LEFT, y.at(TARGET_S), RIGHT, y.at(TARGET_S)));
    s.append(text("target-label", RIGHT - 4, y.at(TARGET_S) - 6, "end", "target: p99 ≤ 10 s"));
    series(s, steps, x, y, "p50", "#999");
    series(s, steps, x, y, "p99", "#1f5fbf");
    for (CapacityStep step : steps) {
      if (step.freshness() == null) {
        s.append(text("not-measured", x.at(step.offeredRate()), BOTTOM - 8, "middle", "not measured"));
      }
    }
    s.append(text("legend", LEFT + 8, TOP + 4, "start", "blue: p99, grey: p50 (small workspaces)"));
    return s.append("</svg>\n").toString();
  }

  private static void axes(StringBuilder s, List<CapacityStep> steps, ChartScale x, ChartScale y) {
    s.append(line("axis x-axis", LEFT, BOTTOM, RIGHT, BOTTOM, "black")).append(line("axis y-axis", LEFT, BOTTOM, LEFT, TOP,
        "black"));
    for (int i = 0; i <= 5; i++) {
      double v = y.max() * i / 5;
      if (i > 0) {
        s.append(line("grid", LEFT, y.at(v), RIGHT, y.at(v), "#eee"));
      }
      s.append(text("y-tick", LEFT - 6, y.at(v) + 4, "end", ReportWriter.number(v)));
    }
    for (CapacityStep step : steps) {
      s.append(text("x-tick", x.at(step.offeredRate()), BOTTOM + 18, "middle", rate(step.offeredRate())));
    }
    s.append(text("x-label", (LEFT + RIGHT) / 2.0, HEIGHT - 15, "middle", "offered rate, events/s (log scale)"));
    s.append(String.format(Locale.ROOT, "<text class=\"y-label\" transform=\"translate(18 %.1f) rotate(-90)\""
        + " text-anchor=\"middle\">freshness, s</text>%n", (TOP + BOTTOM) / 2.0));
  }

  private static void series(StringBuilder s, List<CapacityStep> steps, ChartScale x, ChartScale y, String name,
      String colour) {
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (CapacityStep step : steps) {
      if (step.freshness() == null) {
        continue;
      }
      long ms = name.equals("p99") ? step.freshness().p99() : step.freshness().p50();
      double px = x.at(step.offeredRate());
      double py = y.at(ms / 1000.0);
      points.append(points.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
      dots.append(String.format(Locale.ROOT, "<circle class=\"%s\" data-rate=\"%d\" data-ms=\"%d\" cx=\"%.1f\""
          + " cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", name, step.offeredRate(), ms, px, py, colour));
      if (name.equals("p99")) { // the value beside its point; "≥" when unfinished plans make it a lower bound
        dots.append(text("p99-label", px + 8, py - 6, "start", (step.freshness().exact() ? "" : "≥ ")
            + String.format(Locale.ROOT, "%.1f s", ms / 1000.0)));
      }
    }
    s.append(String.format(Locale.ROOT, "<polyline class=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\""
        + " stroke-width=\"2\"/>%n", name, points, colour)).append(dots);
  }

  private static String line(String cls, double x1, double y1, double x2, double y2, String colour) {
    return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
        + " stroke=\"%s\"/>%n", cls, x1, y1, x2, y2, colour);
  }

  private static String text(String cls, double x, double y, String anchor, String content) {
    return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", cls,
        x, y, anchor, xml(content));
  }

  /** 5K, 10K, 20K: the rates as the issue writes them. */
  static String rate(long r) {
    return r % 1000 == 0 ? (r / 1000) + "K" : String.format(Locale.ROOT, "%,d", r);
  }

  private static String xml(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
