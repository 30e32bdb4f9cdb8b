package dev.granular.sink.client;

import java.util.Set;

/** ClickHouse server error codes that describe a passing condition rather than a wrong statement. */
final class ServerErrors {
  private static final Set<Integer> TRANSIENT = Set.of(
      159, // TIMEOUT_EXCEEDED
      164, // READONLY (e.g. replica in read-only mode)
      202, // TOO_MANY_SIMULTANEOUS_QUERIES
      209, // SOCKET_TIMEOUT
      210, // NETWORK_ERROR
      241, // MEMORY_LIMIT_EXCEEDED
      242, // TABLE_IS_READ_ONLY
      252, // TOO_MANY_PARTS
      319, // UNKNOWN_STATUS_OF_INSERT
      425  // SYSTEM_ERROR
  );

  private ServerErrors() {}

  static boolean isTransient(int code) {
    return TRANSIENT.contains(code);
  }
}
