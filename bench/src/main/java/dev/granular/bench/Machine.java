package dev.granular.bench;

import dev.granular.app.config.AppConfig;
import dev.granular.sink.client.ClickHouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The machine the figures were measured on, and how busy it was: shared cores make figures noisy. */
public final class Machine {
  private Machine() {}

  public static Map<String, String> describe(AppConfig config) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("memory", memoryTotal());
    m.put("cpu", firstValue("/proc/cpuinfo", "model name"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    String version;
    try (ClickHouse ch = new ClickHouse(config.clickHouse())) {
      version = ch.scalar("SELECT version()");
    } catch (RuntimeException e) {
      version = "unreachable: " + e.getMessage();
    }
    m.put("clickhouse", version + " at " + config.clickHouse().url());
    m.put("kafka", config.kafka().bootstrapServers() + " (client " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ")");
    m.put("load average at start", loadAverage());
    return m;
  }

  /** The 1, 5 and 15 minute load averages; above the core count, other work was competing for the CPU. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String memoryTotal() {
    String kb = firstValue("/proc/meminfo", "MemTotal");
    try {
      long value = Long.parseLong(kb.replace("kB", "").trim());
      return String.format(Locale.ROOT, "%.1f GiB", value / 1024.0 / 1024.0);
    } catch (NumberFormatException e) {
      return kb;
    }
  }

  private static String firstValue(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "unknown";
  }
}
