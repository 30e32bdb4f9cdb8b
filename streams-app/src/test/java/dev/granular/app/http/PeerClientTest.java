package dev.granular.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** An owner that cannot be reached is a 503 with Retry-After and a hint, quickly, never a hang or a 500. */
class PeerClientTest {
  @Test
  void anUnreachableOwnerIs503WithRetryAfter() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort(); // free once closed: nothing listens there
    }
    PeerClient client = new PeerClient(new HostInfo("127.0.0.1", 1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    long start = System.nanoTime();
    ApiError e = assertThrows(ApiError.class, () -> client.forward(new HostInfo("127.0.0.1", closed), "GET", "/api/workspaces/acme"));
    assertEquals(503, e.status());
    assertEquals(Integer.toString(ApiError.RETRY_AFTER_SECONDS), e.headers().get("Retry-After"));
    assertTrue(e.extra().get("retry").contains("retry in"), e.extra().toString());
    assertTrue(e.getMessage().contains("127.0.0.1:" + closed), e.getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "answered within the timeouts");
    Reply reply = Reply.error(e);
    String body = new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(body.contains("\"status\":503"), body);
  }

  @Test
  void aPeerThatNeverAnswersTimesOutAs503() throws Exception {
    // Accepts the connection (backlog) but never reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      PeerClient client = new PeerClient(new HostInfo("127.0.0.1", 1), Duration.ofSeconds(1), Duration.ofMillis(500));
      ApiError e = assertThrows(ApiError.class, () -> client.forward(new HostInfo("127.0.0.1", silent.getLocalPort()), "GET", "/api/status"));
      assertEquals(503, e.status());
    }
  }
}
