package dev.granular.app.metrics;

import dev.granular.app.support.Latency;
import dev.granular.sink.client.StatementObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Every ClickHouse statement's duration by kind and outcome, and errors by exception class (bounded). */
public final class ClickHouseMetrics implements StatementObserver {
  private static final int EXCEPTION_NAMES = 16;
  private final MeterRegistry registry;
  private final Map<Kind, Timer> succeeded = new EnumMap<>(Kind.class);
  private final Map<Kind, Timer> failed = new EnumMap<>(Kind.class);
  private final BoundedNames exceptions = new BoundedNames(EXCEPTION_NAMES);

  public ClickHouseMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Kind kind : Kind.values()) {
      succeeded.put(kind, timer(kind, "success"));
      failed.put(kind, timer(kind, "error"));
    }
  }

  private Timer timer(Kind kind, String outcome) {
    return Latency.statement("granular.clickhouse.statement", "ClickHouse statement time, reading the response included")
        .tag("kind", tag(kind)).tag("outcome", outcome).register(registry);
  }

  @Override
  public void onSuccess(Kind kind, long nanos) {
    succeeded.get(kind).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void onError(Kind kind, long nanos, Throwable cause) {
    failed.get(kind).record(nanos, TimeUnit.NANOSECONDS);
    // Registering is idempotent: the registry returns the existing counter for the same name and tags.
    Counter.builder("granular.clickhouse.errors").description("failed ClickHouse statements by the exception that failed them")
        .tag("kind", tag(kind)).tag("exception", exceptions.of(name(cause)))
        .register(registry).increment();
  }

  private static String name(Throwable cause) {
    String simple = cause.getClass().getSimpleName();
    return simple.isEmpty() ? cause.getClass().getName() : simple; // anonymous classes have no simple name
  }

  private static String tag(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
