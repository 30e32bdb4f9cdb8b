package dev.granular.sink.compute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Bucket {@code index} of {@code count} of the user-id space: users whose big-endian uint64 of MD5's first 8
 * bytes, modulo count, is index. That is ClickHouse's {@code halfMD5(user_id) % count}, so SQL and Java
 * agree on every user's bucket.
 */
public record UserBucket(int index, int count) {

  public static final UserBucket ALL = new UserBucket(0, 1);

  public UserBucket {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("need 0 <= index < count, got bucket " + index + " of " + count);
    }
  }

  public boolean isAll() {
    return count == 1;
  }

  public boolean contains(String userId) {
    return isAll() || Long.remainderUnsigned(halfMd5(userId), count) == index;
  }

  /** The SQL condition on a user-id column; "1" for the whole space. */
  String sql(String column) {
    return isAll() ? "1" : "halfMD5(" + column + ") % " + count + " = " + index;
  }

  /** ClickHouse's {@code halfMD5(userId)}: a user's bucket, and in a cluster its shard. */
  public static long halfMd5(String userId) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(userId.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides MD5", e);
    }
  }

  @Override
  public String toString() {
    return "bucket " + index + " of " + count;
  }
}
