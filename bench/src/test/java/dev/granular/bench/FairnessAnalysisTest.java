package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granular.avro.TaskResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessAnalysisTest {
  private static TaskResult result(String workspace, boolean success, long wait, long readStart, long finished) {
    return new TaskResult("plan", workspace, 0, 0, 1, success, null, 0L, 0L, 0L, wait, readStart, readStart, finished, 0);
  }

  @Test
  void taskTimesSeparateSlotWaitFromRunForSmallWorkspacesAndTheWhale() {
    List<TaskResult> results = List.of(result("s1", true, 10, 100, 130), result("s2", true, 30, 200, 210),
        result("s3", false, 999, 0, 99_999), result("whale", true, 5, 1_000, 3_000));
    assertEquals("task times (ms, p50 / p99 / max): small 2 tasks: planned to start 10 / 30 / 30, run 10 / 30 / 30;"
        + " whale 1 tasks: planned to start 5 / 5 / 5, run 2,000 / 2,000 / 2,000;", FairnessAnalysis.taskTimes(results, "whale"));
    assertEquals("task times (ms, p50 / p99 / max): small 2 tasks: planned to start 10 / 30 / 30, run 10 / 30 / 30;",
        FairnessAnalysis.taskTimes(results.subList(0, 3), null));
  }
}
