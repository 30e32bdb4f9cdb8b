package dev.granular.sink.definitions;

/** A parsed, validated property definition: a segment's predicate tree or a user property's value tree. */
public sealed interface Definition permits SegmentDefinition, UserPropertyDefinition {
}
