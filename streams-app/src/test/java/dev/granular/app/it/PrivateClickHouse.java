package dev.granular.app.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;

/**
 * A ClickHouse server of a test's own, so the test may stop it without touching the shared one: Debian's
 * {@code clickhouse-server} (which {@code services/clickhouse.sh install} and .ci/run install) on free loopback
 * ports, with a temporary directory, configured from the template services/clickhouse.sh renders too. Started and
 * stopped by this object only, by its PID.
 */
final class PrivateClickHouse implements AutoCloseable {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private final Path dir;
  private final int httpPort;
  private Process process;

  static {
    // A test JVM that is killed mid-test must not leave a server behind; the reaper only knows this one's PID.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "it-clickhouse-reaper"));
  }

  private PrivateClickHouse(Path dir, int httpPort) {
    this.dir = dir;
    this.httpPort = httpPort;
  }

  static PrivateClickHouse start() throws IOException {
    Path dir = Files.createTempDirectory("granular-it-clickhouse-");
    for (String sub : List.of("data", "tmp", "log", "user_files", "format_schemas")) {
      Files.createDirectories(dir.resolve(sub));
    }
    Files.copy(ROOT.resolve("services/clickhouse/users.xml"), dir.resolve("users.xml"));
    int http = freePort();
    String config = Files.readString(ROOT.resolve("services/clickhouse/config.xml")).replace("@DIR@", dir.toString())
        .replace("@HOST@", "127.0.0.1").replace("@HTTP_PORT@", Integer.toString(http))
        .replace("@TCP_PORT@", Integer.toString(freePort()));
    Files.writeString(dir.resolve("config.xml"), config);
    PrivateClickHouse server = new PrivateClickHouse(dir, http);
    server.startAgain();
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Starts the server on the same ports and data, and waits until it answers. */
  void startAgain() throws IOException {
    process = new ProcessBuilder(binary(), "--config-file=" + dir.resolve("config.xml")).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log/stdout.log").toFile()).start();
    LIVE.add(process);
    // Not this wait's business if the app under test loses a stream thread meanwhile (it may, while this is down).
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).dontCatchUncaughtExceptions()
        .failFast("clickhouse-server exited; see " + dir.resolve("log"), () -> !process.isAlive())
        .until(this::answers);
  }

  /** SIGTERM to this server's PID (SIGKILL after a minute), and waits until it is gone. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    LIVE.remove(process);
  }

  private boolean answers() {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** On PATH, or where Debian puts it (/usr/sbin is not on every user's PATH); fails the test if absent. */
  private static String binary() {
    List<Path> candidates = new ArrayList<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(d.isEmpty() ? "." : d, "clickhouse-server"));
    }
    candidates.add(Path.of("/usr/sbin/clickhouse-server"));
    candidates.add(Path.of("/usr/bin/clickhouse-server"));
    return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString).orElseThrow(() ->
        new AssertionError("clickhouse-server not found on PATH or in /usr/sbin: install it with services/clickhouse.sh install"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
    try {
      PathUtils.deleteDirectory(dir);
    } catch (IOException e) {
      // a temp directory; leave it
    }
  }
}
