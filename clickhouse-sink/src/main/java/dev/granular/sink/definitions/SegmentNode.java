package dev.granular.sink.definitions;

import java.util.List;

/** A node of a Dittofeed SegmentDefinition. {@code id} is local to its definition. */
public sealed interface SegmentNode {

  String id();

  /** Test the latest identify trait at {@code path}; an invalid path never matches. */
  record Trait(String id, PropertyPath path, Operator operator) implements SegmentNode {
  }

  /**
   * Count the user's distinct matching track events (within the last {@code withinMs} when positive) and
   * compare the count with {@code times}.
   */
  record Performed(String id, EventPattern event, long times, TimesOperator timesOperator, long withinMs,
      List<PropertyCondition> properties) implements SegmentNode {

    public Performed {
      properties = List.copyOf(properties);
    }
  }

  /** Take the latest track event matching {@code event} and {@code where}; test {@code has} on it. */
  record LastPerformed(String id, EventPattern event, List<PropertyCondition> where, List<PropertyCondition> has)
      implements SegmentNode {

    public LastPerformed {
      where = List.copyOf(where);
      has = List.copyOf(has);
    }
  }

  /** All children hold. No children: never holds (as in Dittofeed). */
  record And(String id, List<String> children) implements SegmentNode {

    public And {
      children = List.copyOf(children);
    }
  }

  /** Some child holds. */
  record Or(String id, List<String> children) implements SegmentNode {

    public Or {
      children = List.copyOf(children);
    }
  }

  /** Every known user. */
  record Everyone(String id) implements SegmentNode {
  }

  /** A deterministic pseudo-random {@code percent} (0..1) of known users, salted by the segment name. */
  record RandomBucket(String id, double percent) implements SegmentNode {
  }

  /** The latest trait at {@code path} is an array containing {@code item}. */
  record Includes(String id, PropertyPath path, String item) implements SegmentNode {
  }

  /** Child ids of a group node; empty for leaves. */
  static List<String> childrenOf(SegmentNode node) {
    if (node instanceof And and) {
      return and.children();
    }
    return node instanceof Or or ? or.children() : List.of();
  }
}
