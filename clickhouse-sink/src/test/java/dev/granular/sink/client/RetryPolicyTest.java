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

/**
 * The waits are real but short (10 to 40 ms); the budget is measured on a fake clock that each retry advances
 * by its wait, so whether one more retry fits does not depend on how fast this machine is.
 */
class RetryPolicyTest {
  private final AtomicLong clock = new AtomicLong();
  private final List<Long> waits = new ArrayList<>();
  private final List<ClickHouseException> heard = new ArrayList<>();
  private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(200), clock::get)
      .withListener(new RetryPolicy.Listener() {
        @Override
        public void retrying(ClickHouseException failure) {
          heard.add(failure);
        }

        @Override
        public void retrying(ClickHouseException failure, Duration wait) {
          retrying(failure);
          waits.add(wait.toMillis());
          clock.addAndGet(wait.toMillis());
        }
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
    assertEquals(List.of(10L, 20L, 40L, 40L), waits);
    assertEquals(4, retries.get());
    assertEquals(5, calls.get());
  }

  @Test
  void givesUpWithTheLastFailureOnceTheBudgetIsSpent() {
    ClickHouseException failure = new ClickHouseException("down", null, true);
    AtomicInteger calls = new AtomicInteger();
    assertSame(failure, assertThrows(ClickHouseException.class, () -> policy.run("op", () -> {
      calls.incrementAndGet();
      throw failure;
    }, () -> { })));
    // 10+20+40+40+40+40 = 190 ms; one more 40 ms wait would pass the 200 ms budget.
    assertEquals(List.of(10L, 20L, 40L, 40L, 40L, 40L), waits);
    assertEquals(7, calls.get());
  }

  @Test
  void theBudgetCountsTimeSpentInCallsToo() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(ClickHouseException.class, () -> policy.run("op", () -> {
      calls.incrementAndGet();
      clock.addAndGet(100); // each attempt takes 100 ms
      throw new ClickHouseException("slow", null, true);
    }, () -> { }));
    // 100 (call) + 10 (wait) + 100 (call) = 210: a second wait of 20 ms would end at 230 > 200.
    assertEquals(List.of(10L), waits);
    assertEquals(2, calls.get());
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
  void doesNotRetryOtherExceptions() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(IllegalStateException.class, () -> policy.run("op", () -> {
      calls.incrementAndGet();
      throw new IllegalStateException("bug");
    }, () -> { }));
    assertEquals(1, calls.get());
  }

  @Test
  void theListenerHearsOfEachRetryWithItsFailure() {
    ClickHouseException first = new ClickHouseException("timed out", null, true);
    ClickHouseException second = new ClickHouseException("reset", null, true);
    AtomicInteger calls = new AtomicInteger();
    String result = policy.run("op", () -> switch (calls.incrementAndGet()) {
      case 1 -> throw first;
      case 2 -> throw second;
      default -> "ok";
    }, () -> { });
    assertEquals("ok", result);
    assertEquals(List.of(first, second), heard);
    assertEquals(List.of(10L, 20L), waits);
  }

  @Test
  void theListenerIsNotToldOfTheFinalFailure() {
    assertThrows(ClickHouseException.class, () -> policy.run("op", () -> {
      throw new ClickHouseException("syntax", null, false);
    }, () -> { }));
    assertEquals(List.of(), heard);
  }

  @Test
  void aSingleArgumentListenerIsToldToo() {
    List<ClickHouseException> plain = new ArrayList<>();
    RetryPolicy simple = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5)).withListener(plain::add);
    AtomicInteger calls = new AtomicInteger();
    ClickHouseException blip = new ClickHouseException("blip", null, true);
    assertEquals("ok", simple.run("op", () -> {
      if (calls.incrementAndGet() == 1) {
        throw blip;
      }
      return "ok";
    }, () -> { }));
    assertEquals(List.of(blip), plain);
  }
}
