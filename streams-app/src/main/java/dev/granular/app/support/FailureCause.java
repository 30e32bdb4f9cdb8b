package dev.granular.app.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a ClickHouse call failed, coarsely, as a metric label: timeouts and memory are told apart because the
 * per-statement limits (max_execution_time, max_memory_usage) cause them, and a task too large for them is one a
 * smaller threshold T would have split.
 */
public enum FailureCause {
  TIMEOUT,
  MEMORY,
  ERROR;

  /** ClickHouse's TIMEOUT_EXCEEDED (code 159) or its message, or the client giving up on a response. */
  private static final Pattern TIMEOUT_TEXT = Pattern.compile("(?i)timeout|timed out|Code: 159\\b");
  /** ClickHouse's MEMORY_LIMIT_EXCEEDED (code 241) or its message. */
  private static final Pattern MEMORY_TEXT = Pattern.compile("(?i)Code: 241\\b|memory limit");

  public static FailureCause of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
          || (t.getMessage() != null && TIMEOUT_TEXT.matcher(t.getMessage()).find())) {
        return TIMEOUT;
      }
      if (t instanceof OutOfMemoryError || (t.getMessage() != null && MEMORY_TEXT.matcher(t.getMessage()).find())) {
        return MEMORY;
      }
    }
    return ERROR;
  }

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
