package dev.granular.sink.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The wire format ClickHouse documents for RowBinary: LEB128 string lengths, little-endian integers. */
class RowBinaryTest {
  private static byte[] string(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBinary.string(out, s);
    return out.toByteArray();
  }

  private static byte[] prefix(byte[] all, int n) {
    return java.util.Arrays.copyOf(all, n);
  }

  @Test
  void lengthsAreUnsignedLeb128OfTheUtf8Bytes() {
    assertArrayEquals(new byte[] {0}, string(""));
    assertArrayEquals(new byte[] {3, 'a', 'b', 'c'}, string("abc"));
    assertArrayEquals(new byte[] {2, (byte) 0xc3, (byte) 0xa9}, string("\u00e9"), "bytes, not chars");
    assertArrayEquals(new byte[] {127}, prefix(string("x".repeat(127)), 1));
    assertArrayEquals(new byte[] {(byte) 0x80, 1}, prefix(string("x".repeat(128)), 2));
    assertArrayEquals(new byte[] {(byte) 0xa0, (byte) 0x9c, 1}, prefix(string("x".repeat(20_000)), 3));
  }

  @Test
  void uint64IsLittleEndian() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBinary.uint64(out, 0x0102030405060708L);
    assertArrayEquals(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, out.toByteArray());
  }
}
