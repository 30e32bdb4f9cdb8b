package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.Operator;
import dev.granular.sink.definitions.SegmentDefinition;
import dev.granular.sink.definitions.SegmentNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Flattens one segment into the criteria table and returns its root criterion id. */
final class SegmentCompiler {

  private final CriteriaTable table;
  private final SegmentDefinition definition;
  private final String segmentName;

  SegmentCompiler(CriteriaTable table, SegmentDefinition definition, String segmentName) {
    this.table = table;
    this.definition = definition;
    this.segmentName = segmentName;
  }

  String compile() {
    return compile(definition.entry());
  }

  private String compile(SegmentNode node) {
    if (node instanceof SegmentNode.Trait trait) {
      return trait(trait);
    }
    if (node instanceof SegmentNode.Performed performed) {
      return performed(performed);
    }
    if (node instanceof SegmentNode.LastPerformed last) {
      ObjectNode spec = Specs.selector(last.event(), last.where());
      spec.set("has", Specs.conditions(last.has()));
      return table.add(CriterionKind.LAST_PERFORMED, spec, List.of(),
          List.of(Leaves.lastEvent(last.event(), last.where())));
    }
    if (node instanceof SegmentNode.And and) {
      return group(CriterionKind.AND, and.children());
    }
    if (node instanceof SegmentNode.Or or) {
      return group(CriterionKind.OR, or.children());
    }
    if (node instanceof SegmentNode.Everyone) {
      return table.add(CriterionKind.EVERYONE, Specs.object(), List.of(), List.of(Leaves.seen()));
    }
    if (node instanceof SegmentNode.RandomBucket bucket) {
      // The name salts the hash, so it is part of the meaning: equal percents in two segments differ.
      ObjectNode spec = Specs.object().put("percent", bucket.percent()).put("salt", segmentName);
      return table.add(CriterionKind.RANDOM_BUCKET, spec, List.of(), List.of(Leaves.seen()));
    }
    if (node instanceof SegmentNode.Includes includes) {
      if (!includes.path().valid()) {
        return table.constant(CriterionKind.NEVER);
      }
      ObjectNode spec = Specs.object().put("path", includes.path().canonical()).put("item", includes.item());
      return table.add(CriterionKind.INCLUDES, spec, List.of(), List.of(Leaves.traitLast(includes.path(), false)));
    }
    throw new IllegalStateException("unhandled segment node " + node);
  }

  private String trait(SegmentNode.Trait trait) {
    if (!trait.path().valid()) {
      return table.constant(CriterionKind.NEVER); // Dittofeed computes no state for it: never a member
    }
    ObjectNode spec = Specs.object().put("path", trait.path().canonical());
    spec.set("operator", Specs.operator(trait.operator()));
    List<Leaf> reads = new ArrayList<>();
    Operator operator = trait.operator();
    if (operator instanceof Operator.HasBeen) {
      reads.add(Leaves.traitHistory(trait.path()));
    } else {
      reads.add(Leaves.traitLast(trait.path(), false));
      if (operator instanceof Operator.NotEquals || operator instanceof Operator.NotExists) {
        reads.add(Leaves.identifyLast());
      }
    }
    return table.add(CriterionKind.TRAIT, spec, List.of(), reads);
  }

  private String performed(SegmentNode.Performed node) {
    ObjectNode spec = Specs.selector(node.event(), node.properties());
    spec.put("times", node.times()).put("timesOperator", node.timesOperator().symbol())
        .put("withinMs", node.withinMs());
    List<Leaf> reads = new ArrayList<>();
    reads.add(node.withinMs() > 0 ? Leaves.performedTimes(node.event(), node.properties())
        : Leaves.performedCount(node.event(), node.properties()));
    if (node.timesOperator().acceptsZero(node.times())) {
      reads.add(Leaves.seen()); // users with no matching event are members too
    }
    return table.add(CriterionKind.PERFORMED, spec, List.of(), reads);
  }

  /**
   * And/Or: children flattened into a same-kind parent, sorted and deduplicated (both are commutative and
   * idempotent), constants folded; a single remaining child replaces the group.
   */
  private String group(CriterionKind kind, List<String> childNodeIds) {
    String never = CriteriaTable.constantId(CriterionKind.NEVER);
    TreeSet<String> children = new TreeSet<>();
    for (String childNodeId : childNodeIds) {
      String child = compile(definition.node(childNodeId));
      Criterion compiled = table.get(child);
      if (compiled.kind() == kind) {
        children.addAll(compiled.children());
      } else {
        children.add(child);
      }
    }
    if (kind == CriterionKind.AND && children.contains(never)) {
      return table.constant(CriterionKind.NEVER);
    }
    children.remove(never);
    if (children.isEmpty()) {
      return table.constant(CriterionKind.NEVER); // Dittofeed: an empty And/Or is false
    }
    return children.size() == 1 ? children.first() : table.add(kind, Specs.object(), List.copyOf(children), List.of());
  }
}
