package dev.granular.sink.compute;

import dev.granular.sink.compile.WorkspaceIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A compute split the way a planner may split it (COMPUTE.md): stage 1 backfills new leaves by bucket and
 * inserts the window as random sub-windows × buckets × leaf subsets, in random order, some parts twice;
 * stage 2 resolves by buckets × property groups. Returns the union of the parts' changes.
 */
final class ScopedPlan {
  private final ComputeEngine engine;
  private final Random random;

  ScopedPlan(ComputeEngine engine, Random random) {
    this.engine = engine;
    this.random = random;
  }

  List<AssignmentChange> run(WorkspaceIndex index, ProcessingWindow window, long nowMs) {
    List<Runnable> stage1 = new ArrayList<>();
    int backfillBuckets = 1 + random.nextInt(2);
    for (int b = 0; b < backfillBuckets; b++) {
      ComputeScope scope = ComputeScope.all().inBucket(b, backfillBuckets);
      stage1.add(() -> engine.backfillNewLeaves(index, scope, window.toInclusiveMs()));
    }
    List<String> leaves = new ArrayList<>(index.leaves().keySet());
    Collections.shuffle(leaves, random);
    List<Set<String>> leafGroups = random.nextBoolean() ? List.of(Set.copyOf(leaves))
        : List.of(Set.copyOf(leaves.subList(0, leaves.size() / 2)), Set.copyOf(leaves.subList(leaves.size() / 2, leaves.size())));
    int buckets = 1 + random.nextInt(2);
    for (ProcessingWindow part : subWindows(window)) {
      for (int b = 0; b < buckets; b++) {
        for (Set<String> group : leafGroups) {
          ComputeScope scope = ComputeScope.all().inBucket(b, buckets).withLeaves(group);
          stage1.add(() -> engine.insertStates(index, part, scope));
        }
      }
    }
    if (random.nextInt(3) == 0) {
      stage1.add(stage1.get(random.nextInt(stage1.size()))); // a retried part
    }
    Collections.shuffle(stage1, random);
    stage1.forEach(Runnable::run);

    List<AssignmentChange> changes = new ArrayList<>();
    int resolveBuckets = 1 + random.nextInt(2);
    for (Set<String> properties : propertyGroups(index)) {
      for (int b = 0; b < resolveBuckets; b++) {
        ComputeScope scope = ComputeScope.all().inBucket(b, resolveBuckets).withProperties(properties);
        changes.addAll(engine.resolve(index, window, scope, nowMs).changes());
      }
    }
    return changes;
  }

  /** One to three consecutive pieces of the window (a sub-window may be empty). */
  private List<ProcessingWindow> subWindows(ProcessingWindow window) {
    List<Long> cuts = new ArrayList<>(List.of(window.fromExclusiveMs(), window.toInclusiveMs()));
    for (int i = random.nextInt(3); i > 0; i--) {
      cuts.add(window.fromExclusiveMs() + (long) (random.nextDouble() * (window.toInclusiveMs() - window.fromExclusiveMs())));
    }
    Collections.sort(cuts);
    List<ProcessingWindow> parts = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      parts.add(new ProcessingWindow(cuts.get(i), cuts.get(i + 1)));
    }
    return parts;
  }

  private List<Set<String>> propertyGroups(WorkspaceIndex index) {
    List<String> properties = new ArrayList<>(index.roots().keySet());
    Collections.shuffle(properties, random);
    if (properties.size() < 2 || random.nextBoolean()) {
      return List.of(new HashSet<>(properties));
    }
    int cut = 1 + random.nextInt(properties.size() - 1);
    return List.of(new HashSet<>(properties.subList(0, cut)), new HashSet<>(properties.subList(cut, properties.size())));
  }
}
