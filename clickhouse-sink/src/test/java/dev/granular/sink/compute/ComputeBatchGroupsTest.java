package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch is cut into statement sets, by the planner's event counts: in order, each within the budget. */
class ComputeBatchGroupsTest {
  @Test
  void tasksAreGroupedInOrderWithinTheBudgetAndATaskOverItRunsAlone() {
    List<Long> counts = List.of(600L, 900L, 500L, 2_000L, 0L, 1_999L, 3_000L, 1L);
    assertEquals(List.of(List.of(600L, 900L, 500L), List.of(2_000L, 0L), List.of(1_999L), List.of(3_000L), List.of(1L)),
        ComputeBatch.groups(counts, Long::longValue, 2_000));
  }

  @Test
  void smallTasksShareOneGroup() {
    List<Long> counts = List.of(25L, 300L, 40L, 0L);
    assertEquals(List.of(counts), ComputeBatch.groups(counts, Long::longValue, ComputeBatch.MAX_GROUP_EVENTS));
  }
}
