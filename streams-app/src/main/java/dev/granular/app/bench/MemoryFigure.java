package dev.granular.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** P5: an app process's peak RSS (VmHWM), against the 512 MB. */
final class MemoryFigure {
  static final long TARGET_BYTES = 512L * 1024 * 1024;
  private static String defaultMaxHeap;

  private MemoryFigure() {}

  static Figure of(String when, long peakBytes) {
    String name = "app peak RSS " + when;
    if (peakBytes < 0) {
      return Figure.notMeasured("P5", name, "MiB", "/proc/PID/status not readable");
    }
    return Figure.of("P5", name, Math.round(peakBytes / 1024.0 / 1024.0), "MiB")
        .against("≤ 512 MB", peakBytes <= TARGET_BYTES)
        .withNote("VmHWM of the app's own process, a child JVM started with no flags as `granular run` is; with no -Xmx"
            + " its max heap is the JVM default, " + defaultMaxHeap() + ", so RSS shows what the collector chose to keep,"
            + " not the least the app needs");
  }

  /** MaxHeapSize of a JVM started like the app (same binary, no flags), as the JVM itself reports it. */
  private static synchronized String defaultMaxHeap() {
    if (defaultMaxHeap == null) {
      defaultMaxHeap = "unknown";
      String java = ProcessHandle.current().info().command().orElse("java");
      try {
        Process p = new ProcessBuilder(java, "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor(30, TimeUnit.SECONDS)) {
          for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[1].equals("MaxHeapSize")) {
              defaultMaxHeap = String.format(Locale.ROOT, "%.1f GiB here", Long.parseLong(parts[3]) / 1024.0 / 1024 / 1024);
            }
          }
        }
      } catch (IOException | NumberFormatException e) {
        // keep "unknown"
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return defaultMaxHeap;
  }
}
