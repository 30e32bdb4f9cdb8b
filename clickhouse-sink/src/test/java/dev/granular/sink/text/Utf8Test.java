package dev.granular.sink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "41, -1",                 // ASCII
      "c3a9, -1",               // é
      "e282ac, -1",             // €
      "f09f9880, -1",           // U+1F600, four bytes
      "f48fbfbf, -1",           // U+10FFFF, the last code point
      "41ff, 1",                // never a UTF-8 byte
      "4180, 1",                // a continuation byte out of place
      "c0af, 0",                // overlong '/'
      "e08080, 0",              // overlong NUL
      "eda080, 0",              // U+D800 encoded: a surrogate
      "f4908080, 0",            // above U+10FFFF
      "e282, 0",                // truncated
      "c3e9, 0"})               // lead byte followed by a non-continuation
  void firstInvalidFindsTheOffendingSequence(String hex, int offset) {
    assertEquals(offset, Utf8.firstInvalid(HexFormat.of().parseHex(hex)));
  }

  @Test
  void nulAndLoneSurrogates() {
    assertEquals(2, Utf8.indexOfNul(new byte[] {'a', 'b', 0, 'c'}));
    assertEquals(-1, Utf8.indexOfNul("abc".getBytes(StandardCharsets.UTF_8)));
    assertEquals(-1, Utf8.loneSurrogate("a\uD83D\uDE00b"));
    assertEquals(1, Utf8.loneSurrogate("a\uD800b"));
    assertEquals(1, Utf8.loneSurrogate("a\uDC00"));
    assertEquals(1, Utf8.loneSurrogate("a\uD83D"));
  }
}
