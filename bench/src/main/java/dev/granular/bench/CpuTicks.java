package dev.granular.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The machine's CPU time so far from the first line of /proc/stat, in clock ticks: busy (everything but idle and
 * I/O wait) and total. P6 reports the busy share per step because the app shares the 2 cores with the benchmark's
 * producer, Kafka and ClickHouse, and the app's own CPU alone would not show a saturated machine.
 */
record CpuTicks(long busy, long total) {
  static Optional<CpuTicks> now() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code cpu  user nice system idle iowait irq softirq steal ...} */
  static Optional<CpuTicks> parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 5 || !f[0].equals("cpu")) {
      return Optional.empty();
    }
    long total = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
    return Optional.of(new CpuTicks(total - idle, total));
  }

  /** The busy share since {@code before}, 0 to 1; empty when either reading is missing or no time passed. */
  static OptionalDouble busyShare(Optional<CpuTicks> before, Optional<CpuTicks> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return OptionalDouble.empty();
    }
    return Ratio.of(after.get().busy() - before.get().busy(), after.get().total() - before.get().total());
  }
}
