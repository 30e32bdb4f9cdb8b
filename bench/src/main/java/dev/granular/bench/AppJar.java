package dev.granular.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the child app's classes come from, found as {@link JvmOptions} finds its flags: {@code GRANULAR_APP_JAR} if
 * set, else the app jar `make build` writes ({@code streams-app/target/granular.jar}, from the current directory),
 * else this JVM's own class path, which holds the app too (granular-bench depends on granular-streams-app).
 */
public final class AppJar {
  static final String ENV = "GRANULAR_APP_JAR";
  static final Path BUILT = Path.of("streams-app", "target", "granular.jar");
  /** The app's entry point; the child runs {@code java -cp CLASSPATH MAIN --config FILE run}. */
  public static final String MAIN = "dev.granular.app.cli.GranularCli";

  private AppJar() {}

  /** The {@code -cp} of the child app. */
  public static String classPath() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      if (!Files.isRegularFile(Path.of(env))) {
        throw new IllegalArgumentException(ENV + " is not a file: " + env);
      }
      return env;
    }
    return Files.isRegularFile(BUILT) ? BUILT.toString() : System.getProperty("java.class.path");
  }

  /** Where {@link #classPath()} took the app from, for the report. */
  public static String source() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return env + " (" + ENV + ")";
    }
    return Files.isRegularFile(BUILT) ? BUILT.toString() : "the benchmark's own class path";
  }
}
