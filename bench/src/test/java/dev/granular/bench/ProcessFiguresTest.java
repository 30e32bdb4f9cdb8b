package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The small parsers and counters behind P5 and the reliability counters. */
class ProcessFiguresTest {
  @Test
  void peakRssIsReadFromVmHwmInKilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 8000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  400000 kB\n";
    assertEquals(OptionalLong.of(512L * 1024 * 1024), ProcStatus.parseKb(status, "VmHWM"));
    assertEquals(OptionalLong.of(400_000L * 1024), ProcStatus.parseKb(status, "VmRSS"));
    assertEquals(OptionalLong.empty(), ProcStatus.parseKb(status, "VmSwap"));
  }

  @Test
  void outOfOrderMeansEarlierThanSomethingReceivedBeforeNotAmongRowsReceivedTogether() {
    List<String[]> rows = List.of(
        row("a", 1, 100), row("a", 1, 300), row("a", 1, 200), // received together: none is late
        row("a", 2, 250), // before 300, received earlier: late
        row("a", 3, 400),
        row("a", 4, 400), // equal is not late
        row("b", 1, 10), // another workspace starts afresh
        row("b", 2, 5)); // late
    OutOfOrder.Count count = OutOfOrder.count(rows);
    assertEquals(2, count.outOfOrder());
    assertEquals(8, count.rows());
  }

  @Test
  void hoconValuesAreQuotedSoPathsAndUrlsSurvive() {
    assertEquals("\"http://127.0.0.1:8123\"", BenchEnv.quote("http://127.0.0.1:8123"));
    assertEquals("\"a\\\"b\\\\c\"", BenchEnv.quote("a\"b\\c"));
  }

  private static String[] row(String workspace, long processing, long event) {
    return new String[] {workspace, Long.toString(processing), Long.toString(event)};
  }
}
