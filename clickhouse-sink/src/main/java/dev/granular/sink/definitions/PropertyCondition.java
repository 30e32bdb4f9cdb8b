package dev.granular.sink.definitions;

/** A filter on one event property: {@code path} tested with {@code operator}. The path is always valid. */
public record PropertyCondition(PropertyPath path, Operator operator) {
}
