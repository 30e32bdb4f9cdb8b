package dev.granular.bench;

import java.util.OptionalDouble;

/**
 * Ratios of the report's quantities (counts, durations, rates), which are never negative: a denominator that is
 * not above 0, or a side that is negative (a "could not read it" marker) or not finite, has no ratio. Empty then,
 * so that a figure reads "not measured" instead of a 0 that a target would judge.
 */
final class Ratio {
  private Ratio() {}

  static OptionalDouble of(double numerator, double denominator) {
    if (!(denominator > 0) || !(numerator >= 0) || !Double.isFinite(numerator) || !Double.isFinite(denominator)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(numerator / denominator);
  }

  static OptionalDouble of(OptionalDouble numerator, OptionalDouble denominator) {
    return numerator.isPresent() && denominator.isPresent() ? of(numerator.getAsDouble(), denominator.getAsDouble())
        : OptionalDouble.empty();
  }

  static OptionalDouble percent(double numerator, double denominator) {
    OptionalDouble r = of(numerator, denominator);
    return r.isPresent() ? OptionalDouble.of(100 * r.getAsDouble()) : r;
  }
}
