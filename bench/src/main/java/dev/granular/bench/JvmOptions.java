package dev.granular.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The app's JVM flags, from the same place `make run` takes them: {@code GRANULAR_JVM_OPTS} if set, else
 * {@code config/jvm.options} (one flag per line, {@code #} comments), else none.
 */
public final class JvmOptions {
  static final String ENV = "GRANULAR_JVM_OPTS";
  static final Path FILE = Path.of("config", "jvm.options");

  private JvmOptions() {}

  public static List<String> forApp() {
    String env = System.getenv(ENV);
    if (env != null) {
      return split(env);
    }
    if (!Files.isRegularFile(FILE)) {
      return List.of();
    }
    try {
      return parse(Files.readAllLines(FILE, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }

  /** Where {@link #forApp()} took its flags from, for the report. */
  public static String source() {
    return System.getenv(ENV) != null ? ENV : Files.isRegularFile(FILE) ? FILE.toString() : "none";
  }

  static List<String> parse(List<String> lines) {
    List<String> flags = new ArrayList<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      flags.addAll(split(hash < 0 ? line : line.substring(0, hash)));
    }
    return flags;
  }

  private static List<String> split(String s) {
    return Arrays.stream(s.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
  }
}
