package dev.granular.sink.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final AtomicLong clock = new AtomicLong();
  private final List<Long> sleeps = new ArrayList<>();
  private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(2),
      clock::get, ms -> {
        sleeps.add(ms);
        clock.addAndGet(ms);
      });

  @Test
  void backsOffExponentiallyUpToTheCapThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    String result = policy.run("op", () -> {
      if (calls.incrementAndGet() < 5) {
        throw new ClickHouseException("down", null, true);
      }
      return "ok";
    }, retries::incrementAndGet);
    assertEquals("ok", result);
    assertEquals(List.of(100L, 200L, 400L, 400L), sleeps);
    assertEquals(4, retries.get());
  }

  @Test
  void givesUpWithTheLastFailureOnceTheBudgetIsSpent() {
    ClickHouseException failure = new ClickHouseException("down", null, true);
    assertSame(failure, assertThrows(ClickHouseException.class, () -> policy.run("op", () -> {
      throw failure;
    }, () -> { })));
    // 100+200+400+400+400+400 = 1900 ms; one more 400 ms wait would pass the 2 s budget.
    assertEquals(List.of(100L, 200L, 400L, 400L, 400L, 400L), sleeps);
  }

  @Test
  void doesNotRetryAStatementThatCanNeverSucceed() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(ClickHouseException.class, () -> policy.run("op", () -> {
      calls.incrementAndGet();
      throw new ClickHouseException("syntax", null, false);
    }, () -> { }));
    assertEquals(1, calls.get());
  }

  @Test
  void theListenerHearsOfEachRetryWithItsFailureAndTheBackoffIsUnchanged() {
    List<ClickHouseException> heard = new ArrayList<>();
    ClickHouseException first = new ClickHouseException("timed out", null, true);
    ClickHouseException second = new ClickHouseException("reset", null, true);
    AtomicInteger calls = new AtomicInteger();
    String result = policy.withListener(heard::add).run("op", () -> switch (calls.incrementAndGet()) {
      case 1 -> throw first;
      case 2 -> throw second;
      default -> "ok";
    }, () -> { });
    assertEquals("ok", result);
    assertEquals(List.of(first, second), heard);
    assertEquals(List.of(100L, 200L), sleeps);
  }

  @Test
  void theListenerIsNotToldOfTheFinalFailure() {
    List<ClickHouseException> heard = new ArrayList<>();
    assertThrows(ClickHouseException.class, () -> policy.withListener(heard::add).run("op", () -> {
      throw new ClickHouseException("syntax", null, false);
    }, () -> { }));
    assertEquals(List.of(), heard);
  }
}
