package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One flattened node of a compiled predicate or value tree.
 *
 * @param id       SHA-256 of canonical {"kind", "spec", "children"}; children enter by their ids, so equal
 *                 subtrees get equal ids wherever they appear
 * @param spec     the resolve-time parameters (operators stay here, not in the leaves)
 * @param children criterion ids (AND/OR sorted, ANY_OF in order)
 * @param leaves   leaf ids whose state this criterion reads
 */
public record Criterion(String id, CriterionKind kind, ObjectNode spec, List<String> children, List<String> leaves) {

  public Criterion {
    children = List.copyOf(children);
    leaves = List.copyOf(leaves);
  }
}
