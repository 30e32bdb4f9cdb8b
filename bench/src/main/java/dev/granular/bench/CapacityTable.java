package dev.granular.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** P6's steps in the report: a markdown table under the chart, and the same numbers in the JSON. */
final class CapacityTable {
  private static final String NOT_MEASURED = "not measured";

  private CapacityTable() {}

  static String markdown(List<CapacityStep> steps, String chartFile) {
    StringBuilder md = new StringBuilder("## P6 capacity curve\n\n![P6 capacity curve](").append(chartFile).append(")\n\n");
    md.append("| offered events/s | achieved events/s | small p50 | small p99 | events sampled | ingest behind"
        + " | plans completed/s | app CPU | machine CPU busy | app RSS | step |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (CapacityStep s : steps) {
      Freshness.Stats f = s.freshness();
      md.append(String.format(Locale.ROOT, "| %,d | %,.0f%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          s.offeredRate(), s.achievedRate(), s.underProduced() ? " (short)" : "", f == null ? NOT_MEASURED : (f.exact() ? "" : "≥ ") + seconds(f.p50()),
          f == null ? NOT_MEASURED : (f.exact() ? "" : "≥ ") + seconds(f.p99()),
          f == null ? "0" : String.format(Locale.ROOT, "%,d", f.count()) + (f.exact() ? ""
              : String.format(Locale.ROOT, " (%,d not visible)", f.censored())),
          format(s.backlogSeconds(), "%.1f s"), format(s.plansPerSecond(), "%.1f"), format(s.appCpuCores(), "%.2f cores"),
          s.machineCpuBusy().isPresent() ? String.format(Locale.ROOT, "%.0f %%", 100 * s.machineCpuBusy().getAsDouble())
              : NOT_MEASURED,
          s.rssBytes().isPresent() ? String.format(Locale.ROOT, "%,d MiB", s.rssBytes().getAsLong() / 1024 / 1024)
              : NOT_MEASURED, CapacityCurve.outcome(s).name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
    return md.append("\n(short): the producer sent less than 95 % of the offered rate. Not visible: events no plan had"
        + " covered 10 s after the measured period (or not yet stored), counted with their age then, so a p50 or p99 marked ≥"
        + " may be a lower bound.\n").toString();
  }

  static void json(List<CapacityStep> steps, ArrayNode out) {
    for (CapacityStep s : steps) {
      ObjectNode o = out.addObject().put("offeredRate", s.offeredRate())
          .put("achievedRate", Math.round(s.achievedRate())).put("outcome", CapacityCurve.outcome(s).name());
      if (s.freshness() != null) {
        o.put("p50Ms", s.freshness().p50()).put("p99Ms", s.freshness().p99()).put("samples", s.freshness().count())
            .put("notVisible", s.freshness().censored());
      }
      s.backlogSeconds().ifPresent(v -> o.put("ingestBehindSeconds", Math.round(v * 10) / 10.0));
      s.plansPerSecond().ifPresent(v -> o.put("plansCompletedPerSecond", Math.round(v * 10) / 10.0));
      s.appCpuCores().ifPresent(v -> o.put("appCpuCores", Math.round(v * 100) / 100.0));
      s.machineCpuBusy().ifPresent(v -> o.put("machineCpuBusy", Math.round(v * 100) / 100.0));
      s.rssBytes().ifPresent(v -> o.put("appRssBytes", v));
    }
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static String format(OptionalDouble v, String pattern) {
    return v.isPresent() ? String.format(Locale.ROOT, pattern, v.getAsDouble()) : NOT_MEASURED;
  }
}
