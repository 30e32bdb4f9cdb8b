package dev.granular.sink.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts connections but never reads, as ClickHouse did once while restarting: the request
 * body cannot be written, and only reads have a socket timeout. The call must still give up in bounded time
 * instead of blocking its caller (a stream thread) for good.
 */
class ClickHouseTimeoutTest {
  @Test
  void aServerThatNeverReadsTheRequestFailsTheCallWithinTheTimeout() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      server.setReceiveBufferSize(4096);
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            Socket s = server.accept();
            accepted.add(s); // kept open, never read
          }
        } catch (Exception closed) {
          // the server socket was closed: the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      ClickHouseSettings settings = new ClickHouseSettings("http://127.0.0.1:" + server.getLocalPort(), "default", "",
          "db", Duration.ZERO, Duration.ofSeconds(1));
      byte[] body = new byte[32 * 1024 * 1024]; // far beyond the socket buffers
      Arrays.fill(body, (byte) '\n');
      long start = System.nanoTime();
      try (ClickHouse clickHouse = new ClickHouse(settings)) {
        ClickHouseException e = assertThrows(ClickHouseException.class, () -> clickHouse.insertJsonEachRow("t", body));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 30, "gave up after " + seconds + " s: " + e.getMessage());
      } finally {
        for (Socket s : accepted) {
          s.close();
        }
      }
    }
  }
}
