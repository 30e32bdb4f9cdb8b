package dev.granular.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery lifecycle by hand: tasks are strings, results are strings, and every completion is explicit. */
class SlotBookTest {
  private final SlotBook<String, String> book = new SlotBook<>(3, 3);

  @Test
  void neverMoreThanKRunning() {
    for (int i = 0; i < 7; i++) {
      book.accept("n" + i, false);
    }
    List<Slot<String, String>> first = book.start();
    assertEquals(List.of("n0", "n1", "n2"), tasks(first));
    assertEquals(List.of(), book.start(), "all K slots are taken");
    assertEquals(3, book.running(false));
    book.finish(first.get(1), true, "ok");
    assertEquals(List.of("n3"), tasks(book.start()), "one slot freed, one task starts");
    assertEquals(3, book.running(false));
    assertEquals(6, book.unfinished());
  }

  @Test
  void priorityHoldsAtMostKMinusOneSlotsWhileNormalTasksWait() {
    for (int i = 0; i < 5; i++) {
      book.accept("whale" + i, true);
    }
    book.accept("small", false);
    assertEquals(List.of("whale0", "whale1", "small"), tasks(book.start()));
    assertEquals(2, book.running(true));
    assertEquals(1, book.running(false));
  }

  @Test
  void priorityTakesAllKSlotsWhenNoNormalTaskWaits() {
    for (int i = 0; i < 5; i++) {
      book.accept("whale" + i, true);
    }
    List<Slot<String, String>> started = book.start();
    assertEquals(List.of("whale0", "whale1", "whale2"), tasks(started));
    book.accept("small", false);
    book.finish(started.get(0), true, "ok");
    assertEquals(List.of("small"), tasks(book.start()), "the freed slot goes to the normal task that now waits");
  }

  @Test
  void companionsRunInTheirLeadersSlotAndHoldNoSlotOfTheirOwn() {
    book.accept("whale0", true);
    for (String task : List.of("a", "b", "c", "d", "e")) {
      book.accept(task, false);
    }
    List<Slot<String, String>> started = book.start();
    assertEquals(List.of("whale0", "a", "b"), tasks(started));
    assertThrows(IllegalStateException.class, () -> book.join(started.get(0), 1, t -> true), "a priority task batches nothing");
    List<Slot<String, String>> joined = book.join(started.get(1), 2, t -> !t.equals("d"));
    assertEquals(List.of("c", "e"), tasks(joined), "waiting normal tasks the rule accepts, in order, up to the most asked");
    assertTrue(joined.stream().allMatch(s -> s.state() == DeliveryState.RUNNING));
    assertEquals(List.of(), book.start(), "the K slots are still the three leaders'");
    assertEquals(4, book.running(false));
    assertEquals(6, book.unfinished());
    book.finish(joined.get(0), true, "ok");
    assertEquals(List.of(), book.start(), "a companion finishing frees no slot");
    book.finish(started.get(1), true, "ok");
    assertEquals(List.of("d"), tasks(book.start()), "the leader finishing frees its slot");
    assertThrows(IllegalStateException.class, () -> book.join(joined.get(1), 1, t -> true), "a companion leads no batch");
  }

  @Test
  void aFailedAttemptIsReportedThenALaterRetryOfThePartIsAcceptedAndRun() {
    Slot<String, String> first = book.accept("plan/part-1/attempt-0", false);
    book.start();
    assertEquals(DeliveryState.RUNNING, first.state());
    book.finish(first, false, "ClickHouse said no");
    assertEquals(DeliveryState.FAILED, first.state());
    assertEquals(List.of("ClickHouse said no"), results(book.finished()));
    book.delivered(first);
    assertEquals(DeliveryState.DONE, first.state());
    assertEquals(List.of(), book.finished());

    Slot<String, String> retry = book.accept("plan/part-1/attempt-1", false);
    assertEquals(List.of("plan/part-1/attempt-1"), tasks(book.start()));
    book.finish(retry, true, "ok");
    assertEquals(DeliveryState.ACKED, retry.state());
    assertEquals(List.of("ok"), results(book.finished()));
    assertEquals(0, book.unfinished());
  }

  @Test
  void aRefusedTaskFailsWithoutTakingASlot() {
    Slot<String, String> refused = book.refuse("no-compile", true, "definitions do not compile");
    assertEquals(DeliveryState.FAILED, refused.state());
    assertEquals(0, book.unfinished());
    assertEquals(List.of("definitions do not compile"), results(book.finished()));
  }

  @Test
  void illegalMovesThrow() {
    Slot<String, String> slot = book.accept("t", false);
    assertThrows(IllegalStateException.class, () -> book.finish(slot, true, "ok"), "not running yet");
    assertThrows(IllegalStateException.class, () -> book.delivered(slot), "nothing to deliver yet");
    book.start();
    assertThrows(IllegalStateException.class, () -> book.delivered(slot), "still running");
    book.finish(slot, true, "ok");
    assertThrows(IllegalStateException.class, () -> book.finish(slot, false, "again"), "finished twice");
    book.delivered(slot);
    assertThrows(IllegalStateException.class, () -> book.delivered(slot), "delivered twice");
  }

  @Test
  void closingDropsEveryUnfinishedOrUnforwardedTaskAndDiscardsLateResults() {
    Slot<String, String> acked = book.accept("acked", false);
    Slot<String, String> running = book.accept("running", false);
    book.start();
    book.finish(acked, true, "ok");
    Slot<String, String> queued = book.accept("q1", false);
    book.accept("q2", false);
    book.start();
    Slot<String, String> waiting = book.accept("q3", false);

    book.close();

    for (Slot<String, String> s : List.of(acked, running, queued, waiting)) {
      assertEquals(DeliveryState.DROPPED, s.state(), s.task());
    }
    assertEquals(0, book.unfinished());
    assertEquals(List.of(), book.finished(), "a dropped task is never reported");
    assertFalse(book.finish(running, true, "late"), "a worker finishing after the close is ignored");
    assertEquals(List.of(), book.finished());
    assertEquals(List.of(), book.start());
    assertThrows(IllegalStateException.class, () -> book.accept("after", false));
    assertTrue(book.waiting(false) == 0 && book.running(false) == 0);
  }

  private static List<String> tasks(List<Slot<String, String>> slots) {
    List<String> out = new ArrayList<>();
    slots.forEach(s -> out.add(s.task()));
    return out;
  }

  private static List<String> results(List<Slot<String, String>> slots) {
    List<String> out = new ArrayList<>();
    slots.forEach(s -> out.add(s.result()));
    return out;
  }
}
