package dev.granular.bench;


/** P5: an app process's peak RSS (VmHWM), against the 512 MB. */
final class MemoryFigure {
  static final long TARGET_BYTES = 512L * 1024 * 1024;

  private MemoryFigure() {}

  static Figure of(String when, long peakBytes) {
    String name = "app peak RSS " + when;
    if (peakBytes < 0) {
      return Figure.notMeasured("P5", name, "MiB", "/proc/PID/status not readable");
    }
    return Figure.of("P5", name, Math.round(peakBytes / 1024.0 / 1024.0), "MiB")
        .against("≤ 512 MB", peakBytes <= TARGET_BYTES)
        .withNote("VmHWM of the app's own process, a child JVM started as `make run` starts it, with JVM flags "
            + JvmOptions.forApp() + " (from " + JvmOptions.source() + ")");
  }
}
