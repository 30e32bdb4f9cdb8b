package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spill list behind streamed resolution: what goes in comes out, in order, from memory or from disk. */
class SpoolTest {
  @Test
  void itemsPastTheMemoryBudgetGoToDiskAndComeBackInOrder() {
    List<AssignmentChange> written = new ArrayList<>();
    try (Spool<AssignmentChange> spool = new Spool<>(AssignmentChange.CODEC, 3)) {
      for (int i = 0; i < 10; i++) {
        AssignmentChange c = new AssignmentChange("ws", "p" + i, i % 2 == 0, "u" + i, i % 3 == 0 ? null : "before",
            i % 4 == 0 ? null : "{\"v\":" + i + "}", 1_000L + i);
        spool.add(c);
        written.add(c);
      }
      assertTrue(spool.spilled(), "7 of the 10 went to disk");
      assertEquals(10, spool.size());
      assertEquals(written, read(spool));
      assertEquals(written, read(spool), "it can be read twice");
    }
  }

  @Test
  void stringsKeepEveryCharacterAndNoLengthLimit() {
    String big = "ü".repeat(70_000); // past DataOutput.writeUTF's 64 KB
    List<String> values = List.of("'); DROP TABLE x; --", "nul\u0000byte", "new\nline\ttab", "emoji 😀", big, "");
    try (Spool<String> spool = new Spool<>(Spool.STRINGS, 0)) {
      values.forEach(spool::add);
      assertEquals(values, read(spool));
    }
  }

  @Test
  void clearStartsOverForARetriedStatement() {
    try (Spool<String> spool = new Spool<>(Spool.STRINGS, 1)) {
      spool.add("a");
      spool.add("b");
      spool.clear();
      assertFalse(spool.spilled());
      spool.add("c");
      spool.add("d");
      assertEquals(List.of("c", "d"), read(spool));
    }
  }

  private static <T> List<T> read(Spool<T> spool) {
    List<T> out = new ArrayList<>();
    spool.forEach(out::add);
    return out;
  }
}
