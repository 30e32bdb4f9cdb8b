package dev.granular.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The metric label of a failed ClickHouse call: the two per-statement limits are told apart from other errors. */
class FailureCauseTest {
  @Test
  void theStatementLimitsAreToldApartFromOtherErrors() {
    assertEquals(FailureCause.TIMEOUT, FailureCause.of(new IllegalStateException("wrapped",
        new RuntimeException("Code: 159, e.displayText() = DB::Exception: Timeout exceeded: elapsed 10.2 seconds"))));
    assertEquals(FailureCause.TIMEOUT, FailureCause.of(new SocketTimeoutException("Read timed out")));
    assertEquals(FailureCause.MEMORY, FailureCause.of(new RuntimeException(
        "Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded: would use 64.01 MiB")));
    assertEquals(FailureCause.MEMORY, FailureCause.of(new OutOfMemoryError("Java heap space")));
    assertEquals(FailureCause.ERROR, FailureCause.of(new RuntimeException("Code: 2410, not the memory code")));
    assertEquals(FailureCause.ERROR, FailureCause.of(new RuntimeException("Code: 60, Table x doesn't exist")));
  }

  @Test
  void aTaskResultsReasonIsClassifiedTheSameWay() {
    assertEquals(FailureCause.TIMEOUT, FailureCause.ofReason("ClickHouseException: Code: 159. DB::Exception: Timeout exceeded"));
    assertEquals(FailureCause.MEMORY, FailureCause.ofReason("ClickHouseException: Code: 241, Memory limit (for query) exceeded"));
    assertEquals(FailureCause.MEMORY, FailureCause.ofReason("OutOfMemoryError: Java heap space"), "the app's own heap");
    assertEquals(FailureCause.ERROR, FailureCause.ofReason("IllegalStateException: OutOfMemoryError mentioned, not thrown"));
    assertEquals(FailureCause.ERROR, FailureCause.ofReason(null));
  }
}
