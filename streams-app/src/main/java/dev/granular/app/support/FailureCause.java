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
      FailureCause text = ofMessage(t.getMessage());
      if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException || text == TIMEOUT) {
        return TIMEOUT;
      }
      if (t instanceof OutOfMemoryError || text == MEMORY) {
        return MEMORY;
      }
    }
    return ERROR;
  }

  /**
   * A failed task's reason as its result records it ("&lt;exception's simple name&gt;: &lt;message&gt;"), for readers
   * of the results topic such as the benchmark, which never see the exception itself.
   */
  public static FailureCause ofReason(String reason) {
    FailureCause cause = ofMessage(reason);
    return cause == ERROR && reason != null && reason.startsWith(OutOfMemoryError.class.getSimpleName()) ? MEMORY : cause;
  }

  private static FailureCause ofMessage(String message) {
    if (message == null) {
      return ERROR;
    }
    if (TIMEOUT_TEXT.matcher(message).find()) {
      return TIMEOUT;
    }
    return MEMORY_TEXT.matcher(message).find() ? MEMORY : ERROR;
  }

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
