package dev.granular.sink.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedUnionTest {
  @Test
  void mergesTwoAscendingSequencesWithoutRepeats() {
    assertEquals(List.of("a", "b", "c", "d", "e"), list(SortedUnion.of(List.of("a", "c", "e"), List.of("b", "c", "d"))));
    assertEquals(List.of("x"), list(SortedUnion.of(List.of(), List.of("x"))));
    assertEquals(List.of("x"), list(SortedUnion.of(List.of("x"), List.of())));
    assertEquals(List.of(), list(SortedUnion.of(List.of(), List.of())));
  }

  /** ClickHouse sorts Strings by UTF-8 bytes: U+FFFF before U+1F600, where String.compareTo says the reverse. */
  @Test
  void ordersAsClickHouseDoesSoUsersBeyondTheBmpAreNotRepeated() {
    String bmpLast = "\uFFFF";
    String emoji = "\uD83D\uDE00";
    List<String> fromClickHouse = List.of("a", bmpLast, emoji); // SELECT DISTINCT ... ORDER BY user_id
    TreeSet<String> inMemory = new TreeSet<>(SortedUnion.ORDER);
    inMemory.addAll(List.of(emoji, bmpLast, "b"));
    assertEquals(List.of("a", "b", bmpLast, emoji), new ArrayList<>(list(SortedUnion.of(fromClickHouse, inMemory))));
  }

  @Test
  void aShorterPrefixComesFirst() {
    assertEquals(List.of("ab", "abc"), list(SortedUnion.of(List.of("abc"), List.of("ab"))));
    assertEquals(-1, Integer.signum(SortedUnion.ORDER.compare("", "a")));
  }

  private static List<String> list(Iterable<String> items) {
    List<String> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }
}
