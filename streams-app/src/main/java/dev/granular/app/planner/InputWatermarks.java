package dev.granular.app.planner;

import java.util.Arrays;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One planner task's view of every input partition's watermark, kept in a changelogged store so that a restarted
 * task does not wait for a heartbeat from each partition again. The low watermark is the lowest of them: an
 * event with a processing time at or below it is durable, whichever partition it came through. A partition not
 * heard from yet counts as -1, so nothing passes it; one that appears beyond the expected count joins the minimum.
 */
final class InputWatermarks {
  private final KeyValueStore<String, Long> store;
  private long[] known;

  InputWatermarks(KeyValueStore<String, Long> store, int partitions) {
    this.store = store;
    this.known = new long[Math.max(1, partitions)];
    Arrays.fill(known, -1);
    try (KeyValueIterator<String, Long> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> kv = all.next();
        remember(Integer.parseInt(kv.key), kv.value);
      }
    }
  }

  /** @return whether the low watermark may have moved (the partition's own watermark went up) */
  boolean advance(int partition, long watermarkMs) {
    if (partition < 0 || (partition < known.length && watermarkMs <= known[partition])) {
      return false;
    }
    remember(partition, watermarkMs);
    store.put(Integer.toString(partition), watermarkMs);
    return true;
  }

  /** Every event with a processing time at or below this is durable; -1 while some partition was never heard. */
  long low() {
    long low = Long.MAX_VALUE;
    for (long w : known) {
      low = Math.min(low, w);
    }
    return low;
  }

  private void remember(int partition, long watermarkMs) {
    if (partition >= known.length) {
      int before = known.length;
      known = Arrays.copyOf(known, partition + 1);
      Arrays.fill(known, before, known.length, -1);
    }
    known[partition] = Math.max(known[partition], watermarkMs);
  }
}
