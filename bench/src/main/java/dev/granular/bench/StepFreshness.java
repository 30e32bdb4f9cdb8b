package dev.granular.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * P6's freshness over one measured period, pure: per event, from its send time to the finish of the first plan
 * that covered it, as {@link EventDelays} counts them; nearest-rank percentiles over every event, as
 * {@link Percentiles} takes them. Events the producer sent on time that ClickHouse does not hold yet ("missing",
 * still in the ingest backlog) count as censored, at the least age they can have, so a workspace the app starves
 * cannot make the figure look better by leaving no trace.
 */
final class StepFreshness {
  private StepFreshness() {}

  /**
   * @param missing          on-time small-workspace events sent but not found in ClickHouse
   * @param missingAtLeastMs the age the missing ones had at least when observed
   * @return null when there is no event at all: the step's freshness is then not measured
   */
  static Freshness.Stats stats(List<EventDelays.Bucket> buckets, long missing, long missingAtLeastMs) {
    List<EventDelays.Bucket> all = new ArrayList<>(buckets);
    if (missing > 0) {
      all.add(new EventDelays.Bucket(missingAtLeastMs, true, missing));
    }
    all.sort(Comparator.comparingLong(EventDelays.Bucket::delayMs));
    long n = all.stream().mapToLong(EventDelays.Bucket::count).sum();
    if (n == 0) {
      return null;
    }
    long censored = all.stream().filter(EventDelays.Bucket::censored).mapToLong(EventDelays.Bucket::count).sum();
    return new Freshness.Stats((int) Math.min(Integer.MAX_VALUE, n), rank(all, n, 0.5), rank(all, n, 0.99),
        all.get(all.size() - 1).delayMs(), (int) Math.min(Integer.MAX_VALUE, censored));
  }

  /** The smallest delay with at least q of the events at or below it (1-based rank ⌈q·n⌉). */
  private static long rank(List<EventDelays.Bucket> sorted, long n, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (EventDelays.Bucket b : sorted) {
      seen += b.count();
      if (seen >= rank) {
        return b.delayMs();
      }
    }
    return sorted.get(sorted.size() - 1).delayMs();
  }
}
