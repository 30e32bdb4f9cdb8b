package dev.granular.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Waits for a consumer group to become stable with members: the moment a consumer can start reading. P2 times
 * both Granular and the Kafka engine from that moment, so neither's start-up (a JVM, a table) counts.
 */
public final class GroupWatch {
  private GroupWatch() {}

  public static long awaitStable(String bootstrap, String group, Duration timeout, Runnable check) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long deadline = System.currentTimeMillis() + timeout.toMillis();
      while (System.currentTimeMillis() < deadline) {
        check.run();
        try {
          ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
          if (d != null && d.groupState() == GroupState.STABLE && !d.members().isEmpty()) {
            return System.currentTimeMillis();
          }
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof GroupIdNotFoundException)) {
            throw e;
          }
          // not created yet: the consumer has not joined
        }
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("consumer group " + group + " not stable after " + timeout.toSeconds() + " s");
  }
}
