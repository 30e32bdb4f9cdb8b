package dev.granular.sink.definitions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Dittofeed's deterministic bucket: member iff the big-endian uint64 of the first 8 bytes of
 * MD5(userId + segmentName) is below percent * 2^64 (exactly ClickHouse's
 * {@code reinterpretAsUInt64(reverse(unhex(left(hex(MD5(...)), 16))))}).
 */
public final class RandomBucketHash {

  private static final BigDecimal TWO_TO_64 = new BigDecimal(BigInteger.ONE.shiftLeft(64));

  private RandomBucketHash() {
  }

  public static boolean inBucket(String userId, String segmentName, double percent) {
    byte[] first8 = Arrays.copyOf(md5(userId + segmentName), 8);
    BigDecimal position = new BigDecimal(new BigInteger(1, first8));
    return position.compareTo(new BigDecimal(percent).multiply(TWO_TO_64)) < 0;
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides MD5", e);
    }
  }
}
