package dev.granular.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers a chaos run may hurt, all private to it so that nobody else's are touched: a ClickHouse on its own
 * ports and directory, and for the broker scenario a 3-broker cluster. Started and stopped through the
 * project's own scripts (services/*.sh), and signalled by the PIDs those scripts wrote.
 */
final class Services {
  static final int CLICKHOUSE_HTTP_PORT = 18123;
  static final int CLUSTER_PORT = 19092;
  private final Path root;

  Services(Path root) {
    this.root = root;
  }

  String clickHouseUrl() {
    return "http://127.0.0.1:" + CLICKHOUSE_HTTP_PORT;
  }

  String clusterBootstrap() {
    return "127.0.0.1:" + CLUSTER_PORT + ",127.0.0.1:" + (CLUSTER_PORT + 2) + ",127.0.0.1:" + (CLUSTER_PORT + 4);
  }

  void clickHouseUp() throws IOException, InterruptedException {
    script(clickHouseEnv(), "services/clickhouse.sh", "up");
  }

  /** SIGTERM and wait, by the script: the server is gone until {@link #clickHouseUp}. */
  void clickHouseDown() throws IOException, InterruptedException {
    script(clickHouseEnv(), "services/clickhouse.sh", "down");
  }

  long clickHousePid() throws IOException {
    return Long.parseLong(Files.readString(root.resolve(".run/chaos-clickhouse/clickhouse.pid")).strip());
  }

  void clusterUp() throws IOException, InterruptedException {
    script(clusterEnv(), "services/kafka.sh", "up");
  }

  void clusterDown() throws IOException, InterruptedException {
    script(clusterEnv(), "services/kafka.sh", "down");
  }

  void brokerUp(int node) throws IOException, InterruptedException {
    script(clusterEnv(), "services/kafka.sh", "node-up", Integer.toString(node));
  }

  long brokerPid(int node) throws IOException {
    return Long.parseLong(Files.readString(root.resolve(".run/chaos-kafka/kafka-" + node + ".pid")).strip());
  }

  /** kill -SIGNAL pid, for the signals Java cannot send (STOP, CONT) and for SIGKILL of a server. */
  static void signal(String signal, long pid) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + signal + " " + pid + " exited with " + exit);
    }
  }

  private Map<String, String> clickHouseEnv() {
    return Map.of("CLICKHOUSE_DIR", root.resolve(".run/chaos-clickhouse").toString(),
        "CLICKHOUSE_HTTP_PORT", Integer.toString(CLICKHOUSE_HTTP_PORT), "CLICKHOUSE_TCP_PORT", "19000");
  }

  private Map<String, String> clusterEnv() {
    return Map.of("KAFKA_BROKERS", "3", "KAFKA_PORT", Integer.toString(CLUSTER_PORT),
        "KAFKA_DIR", root.resolve(".run/chaos-kafka").toString());
  }

  private void script(Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(root.toFile()).inheritIO();
    Map<String, String> e = new HashMap<>(pb.environment());
    e.putAll(env);
    pb.environment().putAll(e);
    int exit = pb.start().waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exit);
    }
  }
}
