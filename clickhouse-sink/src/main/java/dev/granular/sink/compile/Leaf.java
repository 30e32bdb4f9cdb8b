package dev.granular.sink.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One state leaf: an aggregate over one user's events that several criteria can share. Two leaves with the
 * same kind and spec are the same leaf anywhere in the workspace and are computed once.
 *
 * @param id    SHA-256 of the canonical {"leaf": kind, ...spec}
 * @param spec  the kind's parameters in canonical form (path, event selector, skipNulls...)
 * @param source which events feed it and what they contribute, typed (the spec is its canonical form)
 */
public record Leaf(String id, LeafKind kind, ObjectNode spec, LeafSource source) {

  static Leaf of(LeafKind kind, ObjectNode spec, LeafSource source) {
    ObjectNode identity = spec.deepCopy();
    identity.put("leaf", kind.name());
    return new Leaf(CanonicalJson.identity(identity), kind, spec, source);
  }
}
