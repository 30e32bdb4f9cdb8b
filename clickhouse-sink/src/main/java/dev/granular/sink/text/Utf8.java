package dev.granular.sink.text;

/**
 * Strict checks of text on its way to ClickHouse. Jackson lets overlong encodings and UTF-8-encoded surrogates
 * through, and Java strings may hold lone surrogates (from JSON escapes such as backslash-ud800) that have no
 * UTF-8 form: ClickHouse refuses the whole insert for one of them, and a lossy encoder turns them into '?'.
 */
public final class Utf8 {
  private Utf8() {}

  /** Offset of the first 0x00 byte, or -1. */
  public static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
  public static int firstInvalid(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int length;
      int lowest; // the smallest second byte allowed, and the largest below
      int highest;
      if (c >= 0xC2 && c <= 0xDF) {
        length = 2; lowest = 0x80; highest = 0xBF;
      } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        lowest = c == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
        highest = c == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
      } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        lowest = c == 0xF0 ? 0x90 : 0x80;  // overlong
        highest = c == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
      } else {
        return i; // a continuation byte out of place, C0/C1 (overlong) or F5..FF
      }
      if (i + length > b.length) {
        return i;
      }
      int second = b[i + 1] & 0xFF;
      if (second < lowest || second > highest) {
        return i;
      }
      for (int k = 2; k < length; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += length;
    }
    return -1;
  }

  /** Index of the first char that is half of a surrogate pair without its other half, or -1. */
  public static int loneSurrogate(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
