package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.granular.sink.definitions.UserPropertyDefinition;
import dev.granular.sink.definitions.UserPropertyNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Flattens one user property into the criteria table and returns its root criterion id. */
final class UserPropertyCompiler {

  private final CriteriaTable table;
  private final UserPropertyDefinition definition;

  UserPropertyCompiler(CriteriaTable table, UserPropertyDefinition definition) {
    this.table = table;
    this.definition = definition;
  }

  String compile() {
    return compile(definition.root(), false);
  }

  /** @param inAnyOf leaves under AnyOf skip JSON nulls so that older values or later children show through */
  private String compile(UserPropertyNode node, boolean inAnyOf) {
    if (node instanceof UserPropertyNode.Id) {
      return table.add(CriterionKind.ID, Specs.object(), List.of(), List.of(Leaves.seen()));
    }
    if (node instanceof UserPropertyNode.AnonymousId) {
      return table.add(CriterionKind.ANONYMOUS_ID, Specs.object(), List.of(), List.of(Leaves.anonymousId()));
    }
    if (node instanceof UserPropertyNode.Trait trait) {
      if (!trait.path().valid()) {
        return table.constant(CriterionKind.ABSENT);
      }
      ObjectNode spec = Specs.object().put("path", trait.path().canonical()).put("skipNulls", inAnyOf);
      return table.add(CriterionKind.TRAIT_VALUE, spec, List.of(), List.of(Leaves.traitLast(trait.path(), inAnyOf)));
    }
    if (node instanceof UserPropertyNode.Performed performed) {
      if (performed.skipReCompute() || !performed.path().valid()) {
        return table.constant(CriterionKind.ABSENT);
      }
      ObjectNode spec = Specs.selector(performed.event(), performed.properties())
          .put("path", performed.path().canonical()).put("skipNulls", inAnyOf);
      return table.add(CriterionKind.PERFORMED_VALUE, spec, List.of(), List.of(Leaves.eventLastValue(
          performed.event(), performed.properties(), performed.path(), inAnyOf)));
    }
    if (node instanceof UserPropertyNode.AnyOf anyOf) {
      return anyOf(anyOf);
    }
    if (node instanceof UserPropertyNode.PerformedMany many) {
      ObjectNode spec = Specs.object();
      many.events().stream().sorted().forEach(spec.putArray("events")::add);
      return table.add(CriterionKind.PERFORMED_MANY, spec, List.of(), List.of(Leaves.eventList(many.events())));
    }
    throw new IllegalStateException("unhandled user property node " + node);
  }

  /** Order matters (first value wins), so children keep their order; nested AnyOf and repeats are flattened. */
  private String anyOf(UserPropertyNode.AnyOf anyOf) {
    String absent = CriteriaTable.constantId(CriterionKind.ABSENT);
    LinkedHashSet<String> children = new LinkedHashSet<>();
    for (String childNodeId : anyOf.children()) {
      String child = compile(definition.node(childNodeId), true);
      Criterion compiled = table.get(child);
      if (compiled.kind() == CriterionKind.ANY_OF) {
        children.addAll(compiled.children());
      } else if (!child.equals(absent)) {
        children.add(child);
      }
    }
    if (children.isEmpty()) {
      return table.constant(CriterionKind.ABSENT);
    }
    List<String> ordered = new ArrayList<>(children);
    return ordered.size() == 1 ? ordered.get(0) : table.add(CriterionKind.ANY_OF, Specs.object(), ordered, List.of());
  }
}
