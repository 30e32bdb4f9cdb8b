package dev.granular.bench;

import java.util.OptionalLong;

/** P5: an app process's peak RSS (VmHWM), against the 512 MB. */
final class MemoryFigure {
  static final long TARGET_BYTES = 512L * 1024 * 1024;

  private MemoryFigure() {}

  static Figure of(String when, OptionalLong peakBytes) {
    String name = "app peak RSS " + when;
    if (peakBytes.isEmpty() || peakBytes.getAsLong() <= 0) {
      return Figure.notMeasured("P5", name, "MiB", "/proc/PID/status not readable");
    }
    long peak = peakBytes.getAsLong();
    return Figure.of("P5", name, Math.round(peak / 1024.0 / 1024.0), "MiB")
        .against("≤ 512 MB", peak <= TARGET_BYTES)
        .withNote("VmHWM of the app's own process, a child JVM started as `make run` starts it, with JVM flags "
            + JvmOptions.forApp() + " (from " + JvmOptions.source() + ")");
  }
}
