package dev.granular.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory figures of a process from Linux's /proc/PID/status. */
public final class ProcStatus {
  private ProcStatus() {}

  /** Peak resident set size (VmHWM) in bytes; empty when the process is gone or this is not Linux. */
  public static OptionalLong peakRssBytes(long pid) {
    return field(pid, "VmHWM");
  }

  public static OptionalLong rssBytes(long pid) {
    return field(pid, "VmRSS");
  }

  private static OptionalLong field(long pid, String name) {
    try {
      return parseKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")), name);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The value of a {@code Name:   123 kB} line, in bytes. */
  static OptionalLong parseKb(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    }
    return OptionalLong.empty();
  }
}
