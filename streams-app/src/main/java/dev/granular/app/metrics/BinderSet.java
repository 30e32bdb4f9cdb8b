package dev.granular.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The third-party meters of one instance: the Kafka Streams clients' own metrics (threads, consumers,
 * producers, tasks) and the JVM's and process's. Binders holding a listener or a scheduler are closed on
 * {@link #close()}, which the app calls as it closes.
 */
public final class BinderSet implements AutoCloseable {
  private final List<AutoCloseable> closeable = new ArrayList<>();

  private BinderSet() {}

  /** Binds everything; call after the KafkaStreams clients are constructed (their metrics exist from then on). */
  public static BinderSet bind(MeterRegistry registry, List<KafkaStreams> clients) {
    BinderSet set = new BinderSet();
    for (KafkaStreams streams : clients) {
      set.bind(registry, new KafkaStreamsMetrics(streams)); // told apart by their client.id tags
    }
    set.bindJvm(registry);
    return set;
  }

  /** JVM and process meters only, e.g. for a registry without a streams client. */
  public static BinderSet jvm(MeterRegistry registry) {
    BinderSet set = new BinderSet();
    set.bindJvm(registry);
    return set;
  }

  private void bindJvm(MeterRegistry registry) {
    for (MeterBinder binder : List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
        new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics())) {
      bind(registry, binder);
    }
  }

  private void bind(MeterRegistry registry, MeterBinder binder) {
    binder.bindTo(registry);
    if (binder instanceof AutoCloseable c) {
      closeable.add(c);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeable) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a binder only stops its listener or scheduler; nothing to recover
      }
    }
    closeable.clear();
  }
}
