package dev.granular.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Typed, validated reads of one key each, so a wrong value fails at start with the key's name. */
final class SettingsReader {
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");
  private final Config config;

  SettingsReader(Config config) {
    this.config = config;
  }

  String string(String path) {
    return read(path, "a string", config::getString);
  }

  /** The typed read every method here starts with: a missing or mistyped value names the key and what it wanted. */
  private <T> T read(String path, String expected, Function<String, T> getter) {
    try {
      return getter.apply(path);
    } catch (ConfigException e) {
      throw invalid(path, expected, e);
    }
  }

  String nonBlank(String path) {
    String value = string(path);
    if (value.isBlank()) {
      throw invalid(path, "a non-empty string", "\"\"");
    }
    return value;
  }

  /** One of {@code allowed}, compared exactly (the values are the library's own names). */
  String oneOf(String path, java.util.List<String> allowed) {
    String value = string(path);
    if (!allowed.contains(value)) {
      throw invalid(path, "one of " + String.join(", ", allowed), value);
    }
    return value;
  }

  int intIn(String path, int min, int max) {
    int value = read(path, "an integer from " + min + " to " + max, config::getInt);
    if (value < min || value > max) {
      throw invalid(path, "an integer from " + min + " to " + max, Integer.toString(value));
    }
    return value;
  }

  long longIn(String path, long min, long max) {
    long value = read(path, "an integer from " + min + " to " + max, config::getLong);
    if (value < min || value > max) {
      throw invalid(path, "an integer from " + min + " to " + max, Long.toString(value));
    }
    return value;
  }

  /** A size such as 512m or 2G (HOCON's size units), in bytes. */
  long bytes(String path, long min) {
    long value = read(path, "a size such as 0, 512m or 2G", config::getBytes);
    if (value < min) {
      throw invalid(path, "a size of at least " + min + " bytes", Long.toString(value));
    }
    return value;
  }

  Duration duration(String path, Duration min) {
    Duration value = read(path, "a duration such as 500ms, 5s or 2m", config::getDuration);
    if (value.compareTo(min) < 0) {
      throw invalid(path, "a duration of at least " + min, value.toString());
    }
    return value;
  }

  String bootstrapServers(String path) {
    String value = nonBlank(path);
    for (String server : value.split(",")) {
      if (!HOST_PORT.matcher(server.strip()).matches()) {
        throw invalid(path, "a comma-separated list of host:port", value);
      }
    }
    return value;
  }

  String httpUrl(String path) {
    String value = nonBlank(path);
    if (isHttpUrl(value)) {
      return value;
    }
    throw invalid(path, "an http(s) URL such as http://127.0.0.1:8123", value);
  }

  String identifier(String path) {
    String value = nonBlank(path);
    if (!value.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      throw invalid(path, "a plain identifier (letters, digits, underscore)", value);
    }
    return value;
  }

  /**
   * Replica URLs per shard: a HOCON list of lists, or a string with shards separated by ';' and replicas by ','
   * (the form an environment variable can carry). Empty when the value is empty.
   */
  java.util.List<java.util.List<String>> shards(String path) {
    String expected = "replica URLs per shard, such as [[\"http://h1:8123\", \"http://h2:8123\"], [\"http://h3:8123\"]]"
        + " or \"http://h1:8123,http://h2:8123;http://h3:8123\"";
    java.util.List<java.util.List<String>> shards = new java.util.ArrayList<>();
    if (config.getValue(path).valueType() == com.typesafe.config.ConfigValueType.LIST) {
      for (Object shard : read(path, expected, config::getAnyRefList)) {
        if (!(shard instanceof java.util.List<?> replicas)) {
          throw invalid(path, expected, config.getValue(path).render());
        }
        shards.add(replicas.stream().map(String::valueOf).toList());
      }
    } else if (!string(path).isBlank()) {
      for (String shard : string(path).split(";")) {
        shards.add(java.util.Arrays.stream(shard.split(",")).map(String::strip).toList());
      }
    }
    for (var replicas : shards) {
      for (String url : replicas) {
        if (!isHttpUrl(url)) {
          throw invalid(path, expected, config.getValue(path).render());
        }
      }
    }
    return shards;
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private InvalidConfigException invalid(String path, String expected, ConfigException cause) {
    String got = config.hasPathOrNull(path) && !config.getIsNull(path)
        ? config.getValue(path).render() : "nothing";
    return invalid(path, expected, got);
  }

  private InvalidConfigException invalid(String path, String expected, String got) {
    String origin = config.hasPath(path) ? " (from " + config.getValue(path).origin().description() + ")" : "";
    return new InvalidConfigException("invalid setting " + path + ": expected " + expected + ", got " + got + origin
        + ". Each setting and its environment variable are listed in config/application.conf.");
  }
}
