package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace-wide table being built: criteria and leaves keyed by identity, so a predicate or leaf that
 * occurs in several properties is stored (and later computed) once. Insertion order is first occurrence.
 */
final class CriteriaTable {

  private final Map<String, Criterion> criteria = new LinkedHashMap<>();
  private final Map<String, Leaf> leaves = new LinkedHashMap<>();

  /** The identity of a criterion, whether or not it is in the table. */
  static String idOf(CriterionKind kind, ObjectNode spec, List<String> children) {
    ObjectNode identity = Specs.object();
    identity.put("kind", kind.name());
    identity.set("spec", spec);
    ArrayNode childIds = identity.putArray("children");
    children.forEach(childIds::add);
    return CanonicalJson.identity(identity);
  }

  static String constantId(CriterionKind kind) {
    return idOf(kind, Specs.object(), List.of());
  }

  String add(CriterionKind kind, ObjectNode spec, List<String> children, List<Leaf> reads) {
    String id = idOf(kind, spec, children);
    List<String> leafIds = reads.stream().map(leaf -> {
      leaves.putIfAbsent(leaf.id(), leaf);
      return leaf.id();
    }).toList();
    criteria.putIfAbsent(id, new Criterion(id, kind, spec, children, leafIds));
    return id;
  }

  /** A criterion with no parameters, children or leaves (EVERYONE has a leaf, so it is not one of these). */
  String constant(CriterionKind kind) {
    return add(kind, Specs.object(), List.of(), List.of());
  }

  Criterion get(String id) {
    return criteria.get(id);
  }

  Map<String, Criterion> criteria() {
    return Collections.unmodifiableMap(criteria);
  }

  Map<String, Leaf> leaves() {
    return Collections.unmodifiableMap(leaves);
  }
}
