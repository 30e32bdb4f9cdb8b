package dev.granular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacerTest {
  @Test
  void recordsFallDueAtTheOfferedRateWhateverHappenedBefore() {
    Pacer p = new Pacer(5_000);
    assertEquals(0, p.due(0));
    assertEquals(0, p.due(199_999), "the first record is due at 200 µs");
    assertEquals(1, p.due(200_000));
    assertEquals(5_000, p.due(1_000_000_000L));
    assertEquals(150_000, p.due(30_000_000_000L), "no drift over a measured period");
    assertThrows(IllegalArgumentException.class, () -> new Pacer(0));
  }
}
