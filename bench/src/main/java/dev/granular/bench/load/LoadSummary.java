package dev.granular.bench.load;

import java.util.Locale;

/** What one run wrote, counted as it went. {@code events} counts every record, invalid ones included. */
public record LoadSummary(long seed, String runId, int smallWorkspaces, long eventsPerWorkspace, int whaleFactor,
    long whaleEvents, long events, long restatements, long nearDuplicates, long outOfOrder, long invalid,
    long definitions, long elapsedMs) {

  public double eventsPerSecond() {
    return elapsedMs == 0 ? 0 : events * 1000.0 / elapsedMs;
  }

  /** The same counts over a longer span, e.g. including the sink's final flush. */
  public LoadSummary withElapsedMs(long ms) {
    return new LoadSummary(seed, runId, smallWorkspaces, eventsPerWorkspace, whaleFactor, whaleEvents, events,
        restatements, nearDuplicates, outOfOrder, invalid, definitions, ms);
  }

  /** The CLI's one line. */
  public String line() {
    String whale = whaleFactor > 0 ? ", whale " + whaleFactor + "x = " + whaleEvents : ", no whale";
    return String.format(Locale.ROOT, "generated %d events (%d workspaces x %d%s): %d invalid, %d restatements,"
        + " %d near-duplicates, %d out-of-order; %d definitions; seed %d, run %s; %.1f s, %.0f events/s",
        events, smallWorkspaces, eventsPerWorkspace, whale, invalid, restatements, nearDuplicates, outOfOrder,
        definitions, seed, runId, elapsedMs / 1000.0, eventsPerSecond());
  }
}
