package dev.granular.app.support;

import java.util.Locale;
import java.util.regex.Pattern;

/** Why a ClickHouse call failed, coarsely, as a metric label: timeouts are told apart because limits cause them. */
public enum FailureCause {
  TIMEOUT,
  ERROR;

  /** ClickHouse's TIMEOUT_EXCEEDED (code 159) or its message, or the client giving up on a response. */
  private static final Pattern TIMEOUT_TEXT = Pattern.compile("(?i)timeout|timed out|Code: 159\\b");

  public static FailureCause of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
          || (t.getMessage() != null && TIMEOUT_TEXT.matcher(t.getMessage()).find())) {
        return TIMEOUT;
      }
    }
    return ERROR;
  }

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
