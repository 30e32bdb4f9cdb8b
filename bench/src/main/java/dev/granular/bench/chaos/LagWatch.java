package dev.granular.bench.chaos;

import dev.granular.bench.GroupLag;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Samples, once a second, how many input events the app's consumer group has not committed yet (end offsets
 * of the events topic minus the group's committed offsets), and keeps the peak. Read from the broker, so it
 * keeps working while ClickHouse or an instance is down.
 */
final class LagWatch implements AutoCloseable {
  private final Admin admin;
  private final String group;
  private final String topic;
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong last = new AtomicLong(-1);
  private final AtomicLong committed = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  LagWatch(String bootstrap, String group, String topic) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    this.group = group;
    this.topic = topic;
    this.sampler = new Thread(this::sample, "chaos-lag-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      try {
        long lag = lag();
        last.set(lag);
        peak.accumulateAndGet(lag, Math::max);
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // a broker being restarted: the next sample will do
      }
    }
  }

  /** End offsets minus committed offsets, summed over the topic's partitions (never committed counts from 0). */
  long lag() throws Exception {
    GroupLag.Backlog backlog = GroupLag.of(admin, group, topic);
    this.committed.set(backlog.committed());
    return backlog.lag();
  }

  /** Input records the group has committed so far, over all partitions. */
  long committed() {
    return committed.get();
  }

  long peak() {
    return peak.get();
  }

  /** The latest sample; -1 before the first. */
  long current() {
    return last.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    admin.close();
  }
}
