package dev.granular.sink.client;

/** A ClickHouse call failed; {@link #retriable()} tells the retry policy whether trying again can help. */
public class ClickHouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;

  public ClickHouseException(String message, Throwable cause, boolean retriable) {
    super(message, cause);
    this.retriable = retriable;
  }

  public boolean retriable() {
    return retriable;
  }
}
