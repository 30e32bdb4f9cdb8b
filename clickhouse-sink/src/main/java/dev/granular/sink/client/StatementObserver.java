package dev.granular.sink.client;

/**
 * Told how each ClickHouse statement went, for metrics. The client stays free of any metrics library: the
 * app implements this. Called on the caller's thread right after the statement; must not throw.
 */
public interface StatementObserver {
  /** What a statement does; a small fixed set, so it can label a metric. */
  enum Kind {
    /** a read returning rows */
    QUERY,
    /** DDL or any statement without a result */
    COMMAND,
    /** a JSONEachRow insert */
    INSERT
  }

  StatementObserver NONE = new StatementObserver() {
    @Override
    public void onSuccess(Kind kind, long nanos) {}

    @Override
    public void onError(Kind kind, long nanos, Throwable cause) {}
  };

  void onSuccess(Kind kind, long nanos);

  /** @param cause the innermost cause of the failure (the server's error, a timeout, a refused connection) */
  void onError(Kind kind, long nanos, Throwable cause);
}
