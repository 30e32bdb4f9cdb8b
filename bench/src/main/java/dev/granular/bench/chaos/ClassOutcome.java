package dev.granular.bench.chaos;

import java.util.Set;

/**
 * What happened to one class: records sent, dead letters of them read back, the reasons they carried, and whether
 * that is what {@code expected} says; {@code detail} names what is wrong when it is not.
 */
public record ClassOutcome(String name, String expected, int sent, int deadLettered, Set<String> reasons, boolean ok,
    String detail) {
  public ClassOutcome {
    reasons = Set.copyOf(reasons);
  }
}
