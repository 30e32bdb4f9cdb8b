package dev.granular.sink.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.sink.definitions.PropertyPath;
import dev.granular.sink.definitions.RandomBucketHash;
import dev.granular.sink.definitions.SegmentDefinition;
import dev.granular.sink.definitions.SegmentNode;
import dev.granular.sink.definitions.ValueTests;
import dev.granular.sink.definitions.ValueText;
import java.util.List;
import java.util.Optional;

/** Evaluates one segment for one user straight from the definition and the user's events. */
final class SegmentEvaluator {

  private final SegmentDefinition definition;
  private final String segmentName;
  private final long nowMs;

  SegmentEvaluator(SegmentDefinition definition, String segmentName, long nowMs) {
    this.definition = definition;
    this.segmentName = segmentName;
    this.nowMs = nowMs;
  }

  boolean isMember(String userId, List<UserEvent> events) {
    return eval(definition.entry(), userId, events);
  }

  private boolean eval(SegmentNode node, String userId, List<UserEvent> events) {
    if (node instanceof SegmentNode.Trait trait) {
      return trait.path().valid() && new TraitHistory(events, trait.path()).test(trait.operator(), nowMs);
    }
    if (node instanceof SegmentNode.Performed performed) {
      return performed(performed, events);
    }
    if (node instanceof SegmentNode.LastPerformed last) {
      return lastPerformed(last, events);
    }
    if (node instanceof SegmentNode.And and) {
      // No children: false, as Dittofeed's empty AND.
      return !and.children().isEmpty()
          && and.children().stream().allMatch(child -> eval(definition.node(child), userId, events));
    }
    if (node instanceof SegmentNode.Or or) {
      return or.children().stream().anyMatch(child -> eval(definition.node(child), userId, events));
    }
    if (node instanceof SegmentNode.Everyone) {
      return true;
    }
    if (node instanceof SegmentNode.RandomBucket bucket) {
      return RandomBucketHash.inBucket(userId, segmentName, bucket.percent());
    }
    if (node instanceof SegmentNode.Includes includes) {
      return includes(includes.path(), includes.item(), events);
    }
    throw new IllegalStateException("unhandled segment node " + node);
  }

  /** Distinct matching track events (one per messageId, already deduplicated), optionally in [now - w, now]. */
  private boolean performed(SegmentNode.Performed node, List<UserEvent> events) {
    long count = events.stream()
        .filter(e -> e.isTrack() && node.event().matches(e.stored().event()))
        .filter(e -> node.withinMs() <= 0 || (e.timeMs() >= nowMs - node.withinMs() && e.timeMs() <= nowMs))
        .filter(e -> ValueTests.allMatch(node.properties(), e.properties()))
        .count();
    return node.timesOperator().test(count, node.times());
  }

  private boolean lastPerformed(SegmentNode.LastPerformed node, List<UserEvent> events) {
    UserEvent latest = null;
    for (UserEvent e : events) { // events are oldest first
      if (e.isTrack() && node.event().matches(e.stored().event()) && ValueTests.allMatch(node.where(), e.properties())) {
        latest = e;
      }
    }
    return latest != null && ValueTests.allMatch(node.has(), latest.properties());
  }

  private boolean includes(PropertyPath path, String item, List<UserEvent> events) {
    if (!path.valid()) {
      return false;
    }
    Optional<JsonNode> latest = new TraitHistory(events, path).latest();
    if (latest.isEmpty() || !latest.get().isArray()) {
      return false;
    }
    for (JsonNode element : latest.get()) {
      if (!element.isContainerNode() && ValueText.of(element).equals(item)) {
        return true;
      }
    }
    return false;
  }
}
