package dev.granular.sink.client;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.granular.sink.sql.Sql;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one gateway to ClickHouse, on client-v2 over HTTP.
 *
 * <p>Compression is off and every call names its format (TabSeparated, JSONEachRow): that is the subset that
 * works from ClickHouse 18.16 up to current releases, so the same code runs against both.
 */
public final class ClickHouse implements AutoCloseable {
  private final ClickHouseSettings settings;
  private final StatementObserver observer;
  private final Client client;
  /** The n of the last query id {@code <prefix>-<n>} given out, when the settings' tags have a prefix. */
  private final AtomicLong queryIds = new AtomicLong();
  /**
   * Runs each request, so that {@link #await} can give up on it. Without it the client runs a request in the
   * caller's thread, where only the read side has a timeout: a request body written to a server that accepted
   * the connection but does not read (seen while it restarts) blocked a stream thread for good.
   */
  private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "granular-clickhouse-request");
    t.setDaemon(true);
    return t;
  });

  public ClickHouse(ClickHouseSettings settings) {
    this(settings, StatementObserver.NONE);
  }

  /** @param observer told the duration and outcome of every statement (metrics) */
  public ClickHouse(ClickHouseSettings settings, StatementObserver observer) {
    this.settings = settings;
    this.observer = observer;
    Client.Builder builder = new Client.Builder()
        .addEndpoint(settings.url())
        .setUsername(settings.user())
        .setPassword(settings.password())
        .compressServerResponse(false)
        .compressClientRequest(false)
        .useHttpCompression(false)
        .useTimeZone("UTC")
        .setSocketTimeout(settings.socketTimeout().toMillis(), ChronoUnit.MILLIS)
        .setConnectTimeout(5, ChronoUnit.SECONDS)
        .setMaxRetries(0) // retries are the caller's policy, so they are counted and bounded in one place
        .useAsyncRequests(true)
        .setSharedOperationExecutor(requests)
        .setClientName("granular");
    if (!settings.maxExecutionTime().isZero()) {
      builder.serverSetting("max_execution_time", Long.toString(Math.max(1, settings.maxExecutionTime().toSeconds())));
    }
    if (settings.maxMemoryUsage() > 0) {
      builder.serverSetting("max_memory_usage", Long.toString(settings.maxMemoryUsage()));
    }
    this.client = builder.build();
  }

  public ClickHouseSettings settings() {
    return settings;
  }

  public String database() {
    return settings.database();
  }

  /**
   * {@code database.table}. Always qualify: ClickHouse 18.16 ignores the client's default-database setting,
   * so unqualified names would silently resolve to {@code default}.
   */
  public String table(String name) {
    return Sql.identifier(settings.database()) + "." + Sql.identifier(name);
  }

  /** DDL or any statement without a result. */
  public void execute(String sql) {
    observed(StatementObserver.Kind.COMMAND, () -> {
      executeUnobserved(sql);
      return null;
    });
  }

  private void executeUnobserved(String sql) {
    try (QueryResponse ignored = await(client.query(sql, tsv()), sql)) {
      // the response is drained on close
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw failure(sql, e);
    }
  }

  /** Runs a query and returns its TabSeparated rows, unescaped. */
  public List<String[]> rows(String sql) {
    List<String[]> out = new ArrayList<>();
    forEachRow(sql, out::add);
    return out;
  }

  /**
   * Runs a query and hands its TabSeparated rows, unescaped, to {@code row} as they arrive, so a result of any
   * size is never held at once. A failure part-way through throws after some rows were handed over.
   */
  public void forEachRow(String sql, Consumer<String[]> row) {
    observed(StatementObserver.Kind.QUERY, () -> {
      forEachRowUnobserved(sql, row);
      return null;
    });
  }

  private void forEachRowUnobserved(String sql, Consumer<String[]> row) {
    try (QueryResponse response = await(client.query(sql, tsv()), sql);
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = Tsv.unescape(cells[i]);
        }
        row.accept(cells);
      }
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw failure(sql, e);
    }
  }

  /** The single value of a one-row, one-column query. */
  public String scalar(String sql) {
    List<String[]> rows = rows(sql);
    if (rows.size() != 1 || rows.get(0).length != 1) {
      throw new ClickHouseException("expected one value from: " + sql + ", got " + rows.size() + " rows", null, false);
    }
    return rows.get(0)[0];
  }

  public long scalarLong(String sql) {
    return Long.parseLong(scalar(sql));
  }

  /** Inserts JSONEachRow lines into {@code table} of this database; returns rows written. */
  public long insertJsonEachRow(String table, byte[] jsonLines) {
    return observed(StatementObserver.Kind.INSERT, () -> insertUnobserved(table, jsonLines));
  }

  /** Inserts RowBinary rows of {@code columns}, in that order, into {@code table} of this database; returns rows written. */
  public long insertRowBinary(String table, List<String> columns, byte[] rows) {
    return observed(StatementObserver.Kind.INSERT, () -> insertUnobserved(table, columns, rows, ClickHouseFormat.RowBinary));
  }

  private long insertUnobserved(String table, byte[] jsonLines) {
    return insertUnobserved(table, null, jsonLines, ClickHouseFormat.JSONEachRow);
  }

  private long insertUnobserved(String table, List<String> columns, byte[] body, ClickHouseFormat format) {
    String qualified = table(table);
    String what = "INSERT INTO " + qualified;
    try (InsertResponse response = await(columns == null
        ? client.insert(qualified, new ByteArrayInputStream(body), format, insertSettings())
        : client.insert(qualified, columns, new ByteArrayInputStream(body), format, insertSettings()), what)) {
      return response.getWrittenRows();
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw failure(what, e);
    }
  }

  public boolean ping() {
    return client.ping(2_000);
  }

  /** Times the statement, reading included, and tells the observer; failures are rethrown unchanged. */
  private <T> T observed(StatementObserver.Kind kind, Supplier<T> statement) {
    long start = System.nanoTime();
    T result;
    try {
      result = statement.get();
    } catch (RuntimeException e) {
      observer.onError(kind, System.nanoTime() - start, rootCause(e));
      throw e;
    }
    observer.onSuccess(kind, System.nanoTime() - start);
    return result;
  }

  /** The server's error if there is one, otherwise the innermost cause: what an error metric should name. */
  static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof ServerException)) {
      cause = cause.getCause();
    }
    return cause;
  }

  private QuerySettings tsv() {
    QuerySettings query = new QuerySettings().setFormat(ClickHouseFormat.TabSeparated);
    String id = nextQueryId();
    if (id != null) {
      query.setQueryId(id);
    }
    settings.tags().serverSettings().forEach(query::serverSetting);
    return query;
  }

  private InsertSettings insertSettings() {
    InsertSettings insert = new InsertSettings();
    String id = nextQueryId();
    if (id != null) {
      insert.setQueryId(id);
    }
    settings.tags().serverSettings().forEach(insert::serverSetting);
    return insert;
  }

  /** {@code <prefix>-<n>}, a fresh n per statement; null without a prefix (the server then picks the id). */
  private String nextQueryId() {
    String prefix = settings.tags().queryIdPrefix();
    return prefix == null ? null : prefix + "-" + queryIds.incrementAndGet();
  }

  private <T> T await(java.util.concurrent.CompletableFuture<T> future, String what) {
    try {
      return future.get(settings.socketTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted: " + abbreviate(what), e, true);
    } catch (ExecutionException e) {
      throw failure(what, e.getCause() == null ? e : e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      // Should the request still finish, release its connection.
      future.whenComplete((response, error) -> {
        if (response instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception ignored) {
            // nothing to do for an abandoned response
          }
        }
      });
      throw new ClickHouseException("timed out: " + abbreviate(what), e, true);
    }
  }

  private static ClickHouseException failure(String what, Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof ServerException)) {
      cause = cause.getCause();
    }
    // A server error about the statement itself (syntax, unknown table...) will fail again; anything else
    // (connection refused, reset, timeout, too many parts, memory limit) may pass on a later try.
    boolean retriable = !(cause instanceof ServerException se) || ServerErrors.isTransient(se.getCode());
    return new ClickHouseException(e.getMessage() + " [in: " + abbreviate(what) + "]", e, retriable);
  }

  static String abbreviate(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  @Override
  public void close() {
    client.close();
    requests.shutdownNow();
  }
}
