package dev.granular.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitPolicyTest {
  private static List<String> props(int n) {
    return IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
  }

  @ParameterizedTest(name = "events={0} properties={1} T={2}")
  @CsvSource({"1000,4,100", "1,41,40", "100000,200,1000000", "7,3,2", "12345,17,999", "5,5,25", "5,5,24"})
  void everyPartFitsTAndTogetherTheyCoverEachUserBucketAndPropertyExactlyOnce(long events, int properties, long threshold) {
    List<SplitPolicy.Part> parts = new SplitPolicy(threshold, 10_000).split(events, props(properties));
    Map<String, Integer> coverage = new HashMap<>();
    for (SplitPolicy.Part part : parts) {
      assertTrue(part.estimatedWork() <= threshold, part + " exceeds " + threshold);
      for (String p : part.propertyIds()) {
        coverage.merge(part.bucket() + "/" + part.buckets() + "/" + p, 1, Integer::sum);
      }
    }
    int buckets = parts.get(0).buckets();
    List<String> expected = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      for (String p : props(properties)) {
        expected.add(b + "/" + buckets + "/" + p);
      }
    }
    assertEquals(expected.size(), coverage.size());
    assertTrue(coverage.values().stream().allMatch(n -> n == 1));
    assertTrue(coverage.keySet().containsAll(expected));
  }
}
